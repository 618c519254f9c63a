package io.careline.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke test: an API server stand-in (fabric8's mock, CRUD mode) accepts every rendered object and gives it back. */
@EnableKubernetesMockClient(crud = true, https = false)
class MockServerTest {

    static KubernetesClient client;

    static Iterable<String> profiles() {
        return Rendered.profiles().toList();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void acceptsEveryObject(String profile) {
        String namespace = "careline-" + profile;
        List<HasMetadata> objects = Rendered.objects(profile);

        for (HasMetadata object : objects) {
            HasMetadata created = client.resource(object).inNamespace(namespace).create();
            assertThat(created.getMetadata().getNamespace()).isEqualTo(namespace);
        }
        for (HasMetadata object : objects) {
            HasMetadata read = client.resource(object).inNamespace(namespace).get();
            assertThat(read).as(object.getKind() + "/" + object.getMetadata().getName()).isNotNull();
            assertThat(read.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "careline");
        }
    }
}
