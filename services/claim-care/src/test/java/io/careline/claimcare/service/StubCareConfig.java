package io.careline.claimcare.service;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.careline.claimcare.config.CareConfig;

/** A CareConfig for unit tests of one class, with the settings the test is about. */
public record StubCareConfig(Set<Criterion> criteria, int minorUnderAge, String currentKey, Map<String, String> keys)
        implements CareConfig {

    @Override
    public Eligibility eligibility() {
        return new Eligibility() {
            @Override
            public Set<Criterion> criteria() {
                return criteria;
            }

            @Override
            public int minorUnderAge() {
                return minorUnderAge;
            }
        };
    }

    @Override
    public Report report() {
        throw new UnsupportedOperationException();
    }

    @Override
    public HealthKeys healthKeys() {
        return new HealthKeys() {
            @Override
            public String current() {
                return currentKey;
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }
        };
    }

    @Override
    public Duration overdueCheckEvery() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration clockSkew() {
        return Duration.ofMinutes(5);
    }
}
