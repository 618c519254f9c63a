package io.careline.testing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** W3C trace context for tests that follow one trace across services: new ids, and the {@code traceparent} header. */
public final class TraceIds {

    private TraceIds() {
    }

    /** 32 hex digits. */
    public static String newTraceId() {
        return randomHex(16);
    }

    /** 16 hex digits. */
    public static String newSpanId() {
        return randomHex(8);
    }

    /** A sampled {@code traceparent} naming this trace and parent span. */
    public static String traceparent(String traceId, String parentSpanId) {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C reads as "no trace"
        return HexFormat.of().formatHex(random);
    }
}
