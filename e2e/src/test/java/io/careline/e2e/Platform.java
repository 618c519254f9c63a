package io.careline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test: its gateway, the services behind it (for their health and metrics), its topics, and its
 * components through ./careline (to take Kafka away, say). {@code ./careline test} starts an instance of its own for
 * these tests, on other ports, topics and databases than the local stack, and passes where it is.
 */
final class Platform {

    static final String GATEWAY = System.getProperty("careline.gateway.url", "http://127.0.0.1:8080");
    static final String COMPLAINT_SERVICE = System.getProperty("careline.complaint.url", "http://127.0.0.1:8082");
    static final String KAFKA = System.getProperty("careline.kafka", "127.0.0.1:9092");
    static final String TOPIC_PREFIX = System.getProperty("careline.topic-prefix", "");
    /** The notification service's log: where its effects are recorded, each line with its trace id. */
    static final Path NOTIFICATION_LOG = Path.of(System.getProperty("careline.notification.log", "../.careline/logs/notification.log"));
    private static final Path SCRIPT = Path.of(System.getProperty("careline.script", "../careline"));

    private Platform() {
    }

    static void careline(String... arguments) {
        assertThat(Files.isExecutable(SCRIPT)).as("the ./careline script at %s", SCRIPT.toAbsolutePath()).isTrue();
        String[] command = new String[arguments.length + 1];
        command[0] = SCRIPT.toAbsolutePath().toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("careline %s finished", String.join(" ", arguments)).isTrue();
            assertThat(process.exitValue()).as("careline %s exit code", String.join(" ", arguments)).isZero();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
