package io.careline.gateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;

/**
 * Starts one {@link FakeUpstream} per service the gateway routes to and points the gateway's routes at them. A test
 * gets hold of them with a field {@code @FakeUpstreams.Inject FakeUpstreams upstreams}.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SERVICES = List.of("complaint", "notification", "customer", "claim-care");

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Vertx vertx;
    private final Map<String, FakeUpstream> upstreams = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            FakeUpstream upstream = new FakeUpstream(vertx, service);
            upstreams.put(service, upstream);
            config.put("careline.gateway.upstreams." + service + ".url", "http://127.0.0.1:" + upstream.port());
        }
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.AnnotatedAndMatchesType(Inject.class, FakeUpstreams.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public FakeUpstream get(String service) {
        FakeUpstream upstream = upstreams.get(service);
        if (upstream == null) {
            throw new IllegalArgumentException("no fake for " + service);
        }
        return upstream;
    }

    /** Every fake back to its default answer, up, with nothing received. */
    public void reset() {
        upstreams.values().forEach(FakeUpstream::reset);
    }

    /** How many requests all services together have received. */
    public int receivedCount() {
        return upstreams.values().stream().mapToInt(u -> u.received().size()).sum();
    }
}
