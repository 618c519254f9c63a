package io.careline.customer.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.careline.customer.repository.Customer;

/** Contacts in one form, so that "+49 151 1234-5678" and "0049151 12345678" are one phone for de-duplication. */
public final class Contacts {

    /** What a caller may send: digits with the usual separators, international form (+ or 00). */
    public static final String PHONE_INPUT = "^(\\+|00)[0-9 ().-]{6,24}$";
    public static final String PHONE_MESSAGE = "must be an international number, e.g. +49 151 12345678";
    private static final Pattern SEPARATORS = Pattern.compile("[ ().-]");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{5,14}$");

    private Contacts() {
    }

    public static String email(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** E.164 (+4915112345678), or null when the input is no such number. */
    public static String phone(String number) {
        String digits = SEPARATORS.matcher(number.strip()).replaceAll("");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        return E164.matcher(digits).matches() ? digits : null;
    }

    public static String emailKey(String address) {
        return "email:" + address;
    }

    public static String phoneKey(String number) {
        return "phone:" + number;
    }

    /** The unique-indexed keys of the customer's verified contacts; null (field absent) when there are none. */
    public static List<String> verifiedKeys(Customer customer) {
        List<String> keys = new ArrayList<>();
        customer.emails.stream().filter(email -> email.verified).forEach(email -> keys.add(emailKey(email.address)));
        customer.phones.stream().filter(phone -> phone.verified).forEach(phone -> keys.add(phoneKey(phone.number)));
        return keys.isEmpty() ? null : keys.stream().distinct().toList();
    }

    public static List<String> partnerKeys(Customer customer) {
        List<String> keys = customer.partners.stream().map(link -> partnerKey(link.partnerId, link.externalId)).toList();
        return keys.isEmpty() ? null : keys;
    }

    public static String partnerKey(String partnerId, String externalId) {
        return partnerId + "|" + externalId;
    }

    /** The request field a contact key belongs to, for a problem naming it. */
    public static String fieldOf(String key) {
        return key.startsWith("phone:") ? "phones" : "emails";
    }
}
