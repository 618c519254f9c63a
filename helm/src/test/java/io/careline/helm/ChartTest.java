package io.careline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static io.careline.helm.Rendered.RENDERER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** helm lint, the values files against values.schema.json, and k8s/ against a fresh render. */
class ChartTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void lintsStrictly() {
        LintResult lint = new Helm(RENDERER.chart()).lint().strict().call();

        assertThat(lint.getMessages()).filteredOn(m -> m.contains("[ERROR]") || m.contains("[WARNING]")).isEmpty();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    static Iterable<String> profiles() {
        return Rendered.profiles().toList();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void valuesMatchTheSchema(String profile) throws IOException {
        assertThat(validate(values(profile))).isEmpty();
    }

    @Test
    void schemaRejectsAMisspelledKeyAWrongTypeAndAForeignStore() throws IOException {
        ObjectNode misspelled = values("default");
        ((ObjectNode) misspelled.get("complaint")).put("replica", 3);
        ObjectNode wrongType = values("default");
        ((ObjectNode) wrongType.get("gateway")).put("replicas", "two");
        ObjectNode foreignStore = values("default");
        ((ObjectNode) foreignStore.get("customer").get("store")).put("kind", "postgresql");

        assertThat(validate(misspelled)).anyMatch(m -> m.getMessage().contains("replica"));
        assertThat(validate(wrongType)).anyMatch(m -> m.getInstanceLocation().toString().contains("gateway.replicas"));
        assertThat(validate(foreignStore)).anyMatch(m -> m.getInstanceLocation().toString().contains("customer.store.kind"));
    }

    @Test
    void helmRefusesValuesThatBreakTheSchema() {
        assertThatThrownBy(() -> new Helm(RENDERER.chart()).template().set("gateway.replicas", "two").call())
                .hasMessageContaining("replicas");
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void k8sIsTheChartRendered(String profile) throws IOException {
        assertThat(RENDERER.manifestFile(profile)).as("run helm/render").exists();
        assertThat(Files.readString(RENDERER.manifestFile(profile)))
                .as("k8s/%s differs from the chart: run helm/render", profile)
                .isEqualTo(RENDERER.manifestFileContent(profile));
    }

    @Test
    void theChartsRealmIsTheRealmAsCodeWithoutDemoPartners() throws IOException {
        String realm = Files.readString(RENDERER.productionRealm());

        assertThat(realm).as("run helm/render").isEqualTo(RENDERER.productionRealmContent());
        JsonNode json = new ObjectMapper().readTree(realm);
        assertThat(json.has("users")).isFalse();
        assertThat(json.findValues("secret")).isEmpty();
        assertThat(json.get("clients").size()).isEqualTo(3);
        assertThat(json.get("realm").asText()).isEqualTo("careline");
    }

    /** values.yaml with the profile's file layered on top, as Helm merges them. */
    static ObjectNode values(String profile) throws IOException {
        ObjectNode values = (ObjectNode) YAML.readTree(RENDERER.profiles().get("default").toFile());
        if (!"default".equals(profile)) {
            merge(values, (ObjectNode) YAML.readTree(RENDERER.profiles().get(profile).toFile()));
        }
        return values;
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = into.get(field.getKey());
            if (existing instanceof ObjectNode target && field.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(field.getKey(), field.getValue());
            }
        }
    }

    private static Set<ValidationMessage> validate(JsonNode values) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(Files.readString(RENDERER.chart().resolve("values.schema.json")));
        return schema.validate(values);
    }
}
