package io.careline.customer.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.customer.repository.Customer;

/**
 * A customer as one caller may see them: the customer themselves, a partner (no push tokens, household or other
 * partners' links) or care staff (everything but the stored events and code hashes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerView(
        String customerId,
        String displayName,
        String givenName,
        String familyName,
        String birthday,
        String locale,
        String timezone,
        String region,
        List<EmailView> emails,
        List<PhoneView> phones,
        List<PushTokenView> pushTokens,
        String preferredChannel,
        List<HouseholdView> household,
        boolean erased,
        String externalId,
        List<PartnerView> partners,
        Instant createdAt,
        String createdBy,
        LegalHoldView legalHold) {

    public record EmailView(String address, boolean verified) {
    }

    public record PhoneView(String number, boolean verified) {
    }

    public record PushTokenView(String platform, String token, boolean verified) {
    }

    public record HouseholdView(String customerId, String role) {
    }

    public record PartnerView(String partnerId, String externalId, Instant linkedAt) {
    }

    public record LegalHoldView(boolean active, String reason, String setBy, Instant at) {
    }

    public static CustomerView forCustomer(Customer customer) {
        return of(customer, true, null, false);
    }

    public static CustomerView forPartner(Customer customer, String partnerId) {
        String externalId = customer.partners.stream().filter(link -> link.partnerId.equals(partnerId))
                .map(link -> link.externalId).findFirst().orElse(null);
        return of(customer, false, externalId, false);
    }

    public static CustomerView forStaff(Customer customer) {
        return of(customer, true, null, true);
    }

    private static CustomerView of(Customer c, boolean personal, String externalId, boolean staff) {
        return new CustomerView(c.id, c.displayName, c.givenName, c.familyName, c.birthday, c.locale, c.timezone, c.region,
                c.emails.stream().map(email -> new EmailView(email.address, email.verified)).toList(),
                c.phones.stream().map(phone -> new PhoneView(phone.number, phone.verified)).toList(),
                personal ? c.pushTokens.stream().map(token -> new PushTokenView(token.platform, token.token, token.verified)).toList() : null,
                c.preferredChannel == null ? null : c.preferredChannel.name(),
                personal ? c.household.stream().map(link -> new HouseholdView(link.customerId, link.role.name())).toList() : null,
                c.erased(), externalId,
                staff ? c.partners.stream().map(link -> new PartnerView(link.partnerId, link.externalId, link.linkedAt)).toList() : null,
                staff ? c.createdAt : null, staff ? c.createdBy : null,
                staff && c.legalHold != null ? new LegalHoldView(c.legalHold.active, c.legalHold.reason, c.legalHold.setBy, c.legalHold.at) : null);
    }
}
