package io.careline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The table of docs/authorization.md, the one source of who may call what. */
final class AuthorizationTable {

    static final Path DOCUMENT = Path.of(System.getProperty("careline.authorization.table", "../docs/authorization.md"));
    private static final String START = "<!-- authorization-table:start -->";
    private static final String END = "<!-- authorization-table:end -->";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> CLIENTS = Set.of("mobile", "admin", "partner", "none");
    private static final Set<String> OWNERSHIPS = Set.of("own", "team", "partner", "assigned", "any", "public", "none");
    private static final Set<String> ALLOWED = Set.of("2xx", "authorized", "skip");

    record Row(String method, String path, String service, String client, Set<String> roles, String ownership,
            String allowed) {

        /** METHOD and the path with every placeholder as {}: how rows and OpenAPI operations are matched. */
        String operation() {
            return method + " " + PLACEHOLDER.matcher(path).replaceAll("{}");
        }

        List<String> placeholders() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AuthorizationTable() {
    }

    static List<Row> rows() {
        String markdown;
        try {
            markdown = Files.readString(DOCUMENT);
        } catch (IOException e) {
            throw new UncheckedIOException("the authorization table " + DOCUMENT.toAbsolutePath(), e);
        }
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        assertThat(start).as("%s marks its table with %s", DOCUMENT, START).isNotNegative();
        assertThat(end).as("%s ends its table with %s", DOCUMENT, END).isGreaterThan(start);
        List<Row> rows = new ArrayList<>();
        for (String line : markdown.substring(start + START.length(), end).strip().split("\n")) {
            String[] cells = Arrays.stream(line.strip().replaceAll("^\\||\\|$", "").split("\\|")).map(String::strip)
                    .toArray(String[]::new);
            if (cells[0].equals("method") || cells[0].startsWith("---")) {
                continue;
            }
            assertThat(cells).as("a row of 7 cells: %s", line).hasSize(7);
            Set<String> roles = cells[4].equals("-") ? Set.of()
                    : Arrays.stream(cells[4].split(",")).map(String::strip).collect(Collectors.toUnmodifiableSet());
            Row row = new Row(cells[0], cells[1], cells[2], cells[3], roles, cells[5], cells[6]);
            assertThat(CLIENTS).as("client of %s", row).contains(row.client());
            assertThat(OWNERSHIPS).as("ownership of %s", row).contains(row.ownership());
            assertThat(ALLOWED).as("allowed of %s", row).contains(row.allowed());
            rows.add(row);
        }
        assertThat(rows).as("rows of %s", DOCUMENT).isNotEmpty();
        assertThat(rows.stream().map(Row::operation).distinct().count()).as("one row per operation").isEqualTo(rows.size());
        return List.copyOf(rows);
    }
}
