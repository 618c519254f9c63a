package io.careline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the chart the way k8s/ holds it, with Helm's own library (no helm binary), and derives the chart's
 * realm from the realm kept as code. {@code helm/render} runs {@link #main}; the tests render again and
 * compare, so the chart, the realm and k8s/ never drift.
 */
public final class ChartRenderer {

    public static final String RELEASE = "careline";
    public static final String NAMESPACE = "careline";
    /** The Kubernetes version templates see; the chart asks for 1.30 or later (preStop's sleep action). */
    public static final String KUBE_VERSION = "1.32.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** {@code ${NAME:default}}, the default possibly another placeholder. */
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z0-9_]+:((?:\\$\\{[A-Z0-9_]+}|[^{}])*)}");

    private final Path repository;

    public ChartRenderer(Path repository) {
        this.repository = repository.toAbsolutePath().normalize();
    }

    public Path chart() {
        return repository.resolve("helm/careline");
    }

    /** Profile name to its values file, layered over values.yaml; "default" is values.yaml alone. */
    public Map<String, Path> profiles() {
        Map<String, Path> profiles = new LinkedHashMap<>();
        profiles.put("default", chart().resolve("values.yaml"));
        for (String name : new String[] {"external", "minimal", "production"}) {
            profiles.put(name, chart().resolve("values-" + name + ".yaml"));
        }
        return profiles;
    }

    /** The manifests of one profile, as {@code helm template careline helm/careline -n careline -f <file>} prints them. */
    public String render(String profile) {
        TemplateCommand template = new Helm(chart()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (!"default".equals(profile)) {
            template = template.withValuesFile(profiles().get(profile));
        }
        return template.call();
    }

    public Path manifestFile(String profile) {
        return repository.resolve("k8s").resolve(profile).resolve("careline.yaml");
    }

    public String manifestFileContent(String profile) {
        String values = "default".equals(profile) ? "values.yaml" : "values.yaml and values-" + profile + ".yaml";
        return "# Rendered from helm/careline with " + values + " by helm/render: do not edit, change the chart.\n"
                + "# kubectl create namespace " + NAMESPACE + "; create the Secrets (helm/careline/README.md); "
                + "kubectl -n " + NAMESPACE + " apply -f .\n"
                + render(profile);
    }

    /** The realm as code: the production realm, with placeholders Keycloak's import fills from the environment. */
    public Path realmAsCode() {
        return repository.resolve("infra/keycloak/careline-realm.json");
    }

    public Path productionRealm() {
        return chart().resolve("files/careline-realm.json");
    }

    /**
     * The realm the chart imports: the realm as code without the demo partners (the clients whose secret is a
     * placeholder, and their scope mappings; partners are registered per installation, their secrets kept in
     * Keycloak), and with every placeholder that has a default (the local stack's extra console URLs, the demo
     * users' OTP exemption) set to that default. What remains, {@code ${CARELINE_CONSOLE_URL}} and {@code ${CARELINE_MOBILE_REDIRECT_URI}}, the
     * chart's keycloak.yaml fills from values.
     */
    public String productionRealmContent() {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(realmAsCode()));
            ArrayNode clients = realm.withArray("clients");
            Set<String> demoPartners = new LinkedHashSet<>();
            for (int i = clients.size() - 1; i >= 0; i--) {
                if (clients.get(i).has("secret")) {
                    demoPartners.add(clients.remove(i).get("clientId").asText());
                }
            }
            // and their scope mappings: Keycloak refuses a realm whose mappings name a client it does not have
            ArrayNode scopeMappings = realm.withArray("scopeMappings");
            for (int i = scopeMappings.size() - 1; i >= 0; i--) {
                if (demoPartners.contains(scopeMappings.get(i).path("client").asText())) {
                    scopeMappings.remove(i);
                }
            }
            return JSON.writeValueAsString(withDefaults(realm)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code ${NAME:default}} replaced by its default, as Keycloak's import does when NAME is unset. */
    private static JsonNode withDefaults(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(DEFAULTED.matcher(node.asText()).replaceAll(m -> Matcher.quoteReplacement(m.group(1))));
        }
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> field.setValue(withDefaults(field.getValue())));
        } else if (node instanceof ArrayNode array) {
            // a redirect URI or web origin that now repeats another is the same one (Keycloak keeps them as sets)
            List<JsonNode> all = new ArrayList<>();
            array.forEach(element -> all.add(withDefaults(element)));
            boolean strings = all.stream().allMatch(JsonNode::isTextual);
            array.removeAll().addAll(strings ? new ArrayList<>(new LinkedHashSet<>(all)) : all);
        }
        return node;
    }

    /** Writes the production realm into the chart, then k8s/&lt;profile&gt;/careline.yaml for every profile. */
    public static void main(String[] args) throws IOException {
        ChartRenderer renderer = new ChartRenderer(Path.of(args.length > 0 ? args[0] : "."));
        Files.writeString(renderer.productionRealm(), renderer.productionRealmContent());
        for (String profile : renderer.profiles().keySet()) {
            Path file = renderer.manifestFile(profile);
            Files.createDirectories(file.getParent());
            Files.writeString(file, renderer.manifestFileContent(profile));
            System.out.println("wrote " + renderer.repository.relativize(file));
        }
    }
}
