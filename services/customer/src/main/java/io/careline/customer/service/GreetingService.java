package io.careline.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Channel;
import io.careline.customer.repository.Customer.ConsentChannel;
import io.careline.customer.repository.Customer.Purpose;
import io.careline.customer.repository.CustomerRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Birthday greetings, exactly once: on the customer's birthday in their own timezone, from the configured local hour
 * on, only with their consent to greetings. The key (occasion and year) and the GreetingDue event are written by one
 * conditional update, so replicas running the job at the same time, or a run repeated after a restart, announce each
 * greeting once. A run that comes late the same local day still greets; a day missed entirely is not made up.
 * A birthday on 29 February is greeted on 28 February in other years.
 */
@ApplicationScoped
public class GreetingService {

    static final String BIRTHDAY = "birthday";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);
    private static final int IN_FLIGHT = 4;

    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;

    public GreetingService(CustomerRepository customers, CustomerEvents events, CustomerConfig config, Clock clock,
            MeterRegistry metrics) {
        this.customers = customers;
        this.events = events;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Announces the greetings due now and not announced before; the number announced by this run. */
    public Uni<Integer> run() {
        return run(clock.instant());
    }

    /**
     * Announces the greetings that were due at {@code at} (an earlier moment: an operator making up a day the job
     * missed) and not announced before; the number announced by this run.
     */
    public Uni<Integer> run(Instant at) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant asOf = at.truncatedTo(ChronoUnit.MILLIS);
        // somewhere on Earth it is yesterday or tomorrow
        LocalDate utc = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        List<String> days = new ArrayList<>();
        for (LocalDate day = utc.minusDays(1); !day.isAfter(utc.plusDays(1)); day = day.plusDays(1)) {
            days.add(day.format(MONTH_DAY));
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
                days.add("02-29");
            }
        }
        // streamed, a few conditional updates in flight: the store's write rate bounds a run, not memory
        return customers.bornOn(days)
                .onItem().transformToUni(customer -> greet(customer, asOf, now)).merge(IN_FLIGHT)
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(List::size);
    }

    private Uni<Boolean> greet(Customer customer, Instant asOf, Instant now) {
        ZoneId zone = ZoneId.of(customer.timezone != null ? customer.timezone : config.greetings().defaultTimezone());
        ZonedDateTime local = asOf.atZone(zone);
        Optional<Channel> channel = channel(customer);
        if (!birthdayOn(customer.birthday, local.toLocalDate()) || local.getHour() < config.greetings().localHour()
                || channel.isEmpty()) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        int year = local.getYear();
        Instant dueAt = local.toLocalDate().atTime(config.greetings().localHour(), 0).atZone(zone).toInstant();
        return customers.addGreetingOnce(customer.id, BIRTHDAY + "-" + year,
                events.greetingDue(customer.id, BIRTHDAY, year, channel.get(), customer.locale, dueAt, now))
                .invoke(announced -> {
                    if (announced) {
                        metrics.counter("careline.greetings.due", "occasion", BIRTHDAY).increment();
                    }
                });
    }

    static boolean birthdayOn(String birthday, LocalDate day) {
        MonthDay born = MonthDay.parse("--" + birthday.substring(5));
        MonthDay today = MonthDay.from(day);
        return born.equals(today) || born.equals(LEAP_DAY) && !Year.isLeap(day.getYear()) && today.equals(MonthDay.of(2, 28));
    }

    /**
     * Where the customer agreed to be greeted: their preferred channel if they consented to it (or to any), else the
     * first channel they consented to; none without a consent to greetings.
     */
    static Optional<Channel> channel(Customer customer) {
        List<ConsentChannel> granted = customer.consents.stream()
                .filter(consent -> consent.purpose == Purpose.greetings && consent.granted)
                .map(consent -> consent.channel).sorted(Comparator.naturalOrder()).toList();
        Channel preferred = customer.preferredChannel;
        if (preferred != null && (granted.contains(ConsentChannel.any) || granted.contains(ConsentChannel.valueOf(preferred.name())))) {
            return Optional.of(preferred);
        }
        return granted.stream().filter(channel -> channel != ConsentChannel.any).findFirst()
                .map(channel -> Channel.valueOf(channel.name()))
                .or(() -> granted.contains(ConsentChannel.any) ? Optional.of(Channel.in_app) : Optional.empty());
    }
}
