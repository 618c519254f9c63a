package io.careline.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the chart the way k8s/ holds it, with Helm's own library (no helm binary), and derives the chart's
 * production realm from the realm kept as code. {@code helm/render} runs {@link #main}; the tests render again and
 * compare, so the chart, the realm and k8s/ never drift.
 */
public final class ChartRenderer {

    public static final String RELEASE = "careline";
    public static final String NAMESPACE = "careline";
    /** The Kubernetes version templates see; the chart asks for 1.30 or later (preStop's sleep action). */
    public static final String KUBE_VERSION = "1.32.0";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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

    public Path demoRealm() {
        return repository.resolve("infra/keycloak/careline-realm.json");
    }

    public Path productionRealm() {
        return chart().resolve("files/careline-realm.json");
    }

    /**
     * The realm for a real installation: the demo realm without its users and without clients that carry a literal
     * secret (the demo partner). Partners are added per installation, with secrets kept in Keycloak.
     */
    public String productionRealmContent() {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(demoRealm()));
            realm.remove("users");
            ArrayNode clients = realm.withArray("clients");
            for (int i = clients.size() - 1; i >= 0; i--) {
                if (clients.get(i).has("secret")) {
                    clients.remove(i);
                }
            }
            return JSON.writeValueAsString(realm) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
