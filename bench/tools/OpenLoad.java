import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-model HTTP load: requests start at fixed intervals whatever the server does (wrk waits for each answer, so
 * a slow server would slow the load down and hide its own latency). Latency runs from the intended start, not from
 * the moment the request could be sent: no coordinated omission.
 *
 * <pre>java OpenLoad.java --url URL --rate N --seconds S --token-file F [--warmup S] [--post] [--out FILE] [--timeout S]</pre>
 *
 * --warmup runs the same load first, unrecorded, so that both this JVM and the server are past their first requests.
 *
 * --post files complaints (one Idempotency-Key each) and writes "complaintId receivedAt" of each 2xx to --out.
 * Prints key=value lines: sent, ok, errors by status (status_503=..), how many of those carried Retry-After
 * (retry_after_503=..), latency percentiles in ms over every answer (p99_ms) and over the 2xx alone (ok_p99_ms), and
 * the 2xx rate achieved (ok_per_s).
 */
public class OpenLoad {

    static final String BODY = "{\"category\":\"BILLING\",\"subject\":\"Charged twice\",\"description\":\"My October bill shows the bundle twice.\"}";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern RECEIVED = Pattern.compile("\"receivedAt\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        URI url = URI.create(opt.get("url"));
        double rate = Double.parseDouble(opt.get("rate"));
        double seconds = Double.parseDouble(opt.get("seconds"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("timeout", "10")));
        boolean post = opt.containsKey("post");
        String token = Files.readString(Path.of(opt.get("token-file"))).strip();
        String run = Long.toString(System.currentTimeMillis(), 36);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int warm = (int) Math.round(rate * Double.parseDouble(opt.getOrDefault("warmup", "0")));
        int total = (int) Math.round(rate * seconds);
        long intervalNs = (long) (1e9 / rate);
        long[] latencyNs = new long[total];
        String[] outcome = new String[total]; // "200", "503", "timeout", "io"
        boolean[] retryAfter = new boolean[total];
        String[] filed = new String[total];
        CountDownLatch finished = new CountDownLatch(total);
        long maxLagNs = 0;

        long start = System.nanoTime() + 50_000_000L + warm * intervalNs;
        for (int i = -warm; i < total; i++) {
            long intended = start + i * intervalNs;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).header("Authorization", "Bearer " + token);
            if (post) {
                request.header("Content-Type", "application/json").header("Idempotency-Key", "bench-" + run + "-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(BODY));
            }
            if (i < 0) {
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
                continue;
            }
            maxLagNs = Math.max(maxLagNs, -wait);
            int n = i;
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencyNs[n] = System.nanoTime() - intended;
                if (failure != null) {
                    outcome[n] = failure instanceof java.net.http.HttpTimeoutException
                            || failure.getCause() instanceof java.net.http.HttpTimeoutException ? "timeout" : "io";
                } else {
                    outcome[n] = Integer.toString(response.statusCode());
                    retryAfter[n] = response.headers().firstValue("Retry-After").isPresent();
                    if (post && response.statusCode() / 100 == 2) {
                        Matcher id = ID.matcher(response.body());
                        Matcher received = RECEIVED.matcher(response.body());
                        if (id.find() && received.find()) {
                            filed[n] = id.group(1) + " " + received.group(1);
                        }
                    }
                }
                finished.countDown();
            });
        }
        long scheduledNs = System.nanoTime() - start;
        boolean all = finished.await(timeout.toSeconds() + 5, TimeUnit.SECONDS);

        Map<String, Integer> byOutcome = new TreeMap<>();
        Map<String, Integer> withRetryAfter = new TreeMap<>();
        List<Long> ok = new ArrayList<>();
        long lastOkNs = 0; // from start to the last 2xx answer
        long[] everything = new long[total];
        int answered = 0;
        for (int i = 0; i < total; i++) {
            String o = outcome[i] == null ? "unanswered" : outcome[i];
            byOutcome.merge(o, 1, Integer::sum);
            if (outcome[i] != null) {
                everything[answered++] = latencyNs[i];
            }
            if (o.startsWith("2")) {
                ok.add(latencyNs[i]);
                lastOkNs = Math.max(lastOkNs, i * intervalNs + latencyNs[i]);
            } else if (retryAfter[i]) {
                withRetryAfter.merge(o, 1, Integer::sum);
            }
        }
        if (opt.containsKey("out")) {
            StringBuilder lines = new StringBuilder();
            for (String f : filed) {
                if (f != null) {
                    lines.append(f).append('\n');
                }
            }
            Files.writeString(Path.of(opt.get("out")), lines);
        }
        long[] sorted = Arrays.copyOf(everything, answered);
        Arrays.sort(sorted);
        System.out.printf("sent=%d%nok=%d%nerrors=%d%n", total, ok.size(), total - ok.size());
        byOutcome.forEach((o, count) -> {
            if (!o.startsWith("2")) {
                System.out.printf("status_%s=%d%n", o, count);
                System.out.printf("retry_after_%s=%d%n", o, withRetryAfter.getOrDefault(o, 0));
            }
        });
        System.out.printf("rate_offered=%.1f%n", total / (scheduledNs / 1e9));
        System.out.printf("generator_max_lag_ms=%.1f%n", maxLagNs / 1e6);
        // percentiles over every answered request: a fast error is a result too, and an unanswered one counts as errors
        for (int p : new int[] { 50, 90, 99 }) {
            System.out.printf("p%d_ms=%.1f%n", p, percentile(sorted, p) / 1e6);
        }
        System.out.printf("max_ms=%.1f%n", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
        // under overload the fast 503s would pull the percentiles above down: the accepted requests' own latency
        long[] okSorted = ok.stream().mapToLong(Long::longValue).sorted().toArray();
        for (int p : new int[] { 50, 90, 99 }) {
            System.out.printf("ok_p%d_ms=%.1f%n", p, percentile(okSorted, p) / 1e6);
        }
        System.out.printf("ok_max_ms=%.1f%n", okSorted.length == 0 ? Double.NaN : okSorted[okSorted.length - 1] / 1e6);
        // 2xx over the schedule's length, or up to the last 2xx answer when answers trail behind the schedule
        System.out.printf("ok_per_s=%.1f%n", ok.size() / (Math.max(scheduledNs, lastOkNs) / 1e9));
        if (!all) {
            System.out.println("note=some requests were still unanswered when the generator gave up");
        }
        System.exit(0); // the client's threads would keep the JVM waiting on idle connections
    }

    static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String key = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            opt.put(key, flag ? "true" : args[++i]);
        }
        return opt;
    }
}
