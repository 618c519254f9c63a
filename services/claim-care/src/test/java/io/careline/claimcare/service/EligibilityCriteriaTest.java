package io.careline.claimcare.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.careline.claimcare.service.PaidBeneficiary.Relationship;

/** The criteria are configuration: the same person is eligible or not depending on what the programme covers. */
class EligibilityCriteriaTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 2);

    private static EligibilityService service(Set<Criterion> criteria, int minorUnderAge) {
        return new EligibilityService(null, null, null, null, new StubCareConfig(criteria, minorUnderAge, "k", Map.of()),
                null);
    }

    private static PaidBeneficiary person(LocalDate born, Set<HealthCondition> conditions) {
        return new PaidBeneficiary("P", born, Relationship.SELF, "north", "de", conditions, null, null);
    }

    @Test
    void everyConfiguredCriterionCounts() {
        EligibilityService all = service(EnumSet.allOf(Criterion.class), 18);

        assertThat(all.criteriaMet(person(LocalDate.of(1960, 1, 1), Set.of(HealthCondition.CHRONIC_ILLNESS,
                HealthCondition.DISABILITY)), PAID_ON)).containsExactlyInAnyOrder(Criterion.CHRONIC_ILLNESS, Criterion.DISABILITY);
        assertThat(all.criteriaMet(person(LocalDate.of(2015, 1, 1), Set.of()), PAID_ON)).containsExactly(Criterion.MINOR);
        assertThat(all.criteriaMet(person(LocalDate.of(1980, 1, 1), Set.of()), PAID_ON)).isEmpty();
    }

    @Test
    void aCriterionLeftOutOfTheConfigurationDoesNotCount() {
        EligibilityService disabilityOnly = service(EnumSet.of(Criterion.DISABILITY), 18);

        assertThat(disabilityOnly.criteriaMet(person(LocalDate.of(1960, 1, 1), Set.of(HealthCondition.CHRONIC_ILLNESS)), PAID_ON))
                .isEmpty();
        assertThat(disabilityOnly.criteriaMet(person(LocalDate.of(2015, 1, 1), Set.of()), PAID_ON)).isEmpty();
        assertThat(disabilityOnly.criteriaMet(person(LocalDate.of(2015, 1, 1), Set.of(HealthCondition.DISABILITY)), PAID_ON))
                .containsExactly(Criterion.DISABILITY);
    }

    @Test
    void theAgeOfMajorityIsConfigurableAndCountedOnTheDayOfPayment() {
        LocalDate seventeenOnPayday = PAID_ON.minusYears(17);
        assertThat(service(EnumSet.allOf(Criterion.class), 18).isMinor(seventeenOnPayday, PAID_ON)).isTrue();
        assertThat(service(EnumSet.allOf(Criterion.class), 16).isMinor(seventeenOnPayday, PAID_ON)).isFalse();
        // eighteen on the very day of payment: no longer a minor
        assertThat(service(EnumSet.allOf(Criterion.class), 18).isMinor(PAID_ON.minusYears(18), PAID_ON)).isFalse();
    }
}
