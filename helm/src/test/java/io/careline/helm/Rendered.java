package io.careline.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Renders each profile once per test run and parses it into typed objects. */
final class Rendered {

    static final ChartRenderer RENDERER = new ChartRenderer(Path.of("..").toAbsolutePath().normalize());
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Map<String, String> YAML = new ConcurrentHashMap<>();
    private static final Map<String, List<HasMetadata>> OBJECTS = new ConcurrentHashMap<>();

    static {
        // Strimzi's classes announce v1beta2; the chart writes v1, the same model
        for (Class<? extends KubernetesResource> type : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class,
                KafkaUser.class)) {
            SERIALIZATION.registerKubernetesResource("kafka.strimzi.io/v1", type.getSimpleName(), type);
        }
        SERIALIZATION.registerKubernetesResource(io.cnpg.postgresql.v1.Cluster.class);
        SERIALIZATION.registerKubernetesResource(io.cnpg.postgresql.v1.Database.class);
        SERIALIZATION.registerKubernetesResource(io.cnpg.postgresql.v1.Pooler.class);
        SERIALIZATION.registerKubernetesResource(org.keycloak.k8s.v2alpha1.Keycloak.class);
        SERIALIZATION.registerKubernetesResource(org.keycloak.k8s.v2alpha1.KeycloakRealmImport.class);
        SERIALIZATION.registerKubernetesResource(com.mongodb.mongodbcommunity.v1.MongoDBCommunity.class);
    }

    private Rendered() {
    }

    static Stream<String> profiles() {
        return RENDERER.profiles().keySet().stream();
    }

    static String yaml(String profile) {
        return YAML.computeIfAbsent(profile, RENDERER::render);
    }

    /** Parsed once per profile; the tests only read them. */
    static List<HasMetadata> objects(String profile) {
        return OBJECTS.computeIfAbsent(profile, p -> List.copyOf(parse(yaml(p))));
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof Collection<?> many) {
            many.forEach(o -> objects.add((HasMetadata) o));
        } else if (parsed instanceof io.fabric8.kubernetes.api.model.KubernetesList list) {
            objects.addAll(list.getItems());
        } else {
            objects.add((HasMetadata) parsed);
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return ofKind(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /**
     * Every field the typed model did not know, as paths such as {@code Deployment/gateway: spec.template.spec
     * .containers[0].imagePullPolice}. The models keep unknown fields in getAdditionalProperties(); only free-form
     * objects (a class that declares no property of its own) may hold them.
     */
    static List<String> unknownFields(HasMetadata object) {
        List<String> unknown = new ArrayList<>();
        if (object instanceof GenericKubernetesResource) {
            unknown.add("no typed model for " + object.getApiVersion() + " " + object.getKind());
        }
        walk(object, object.getKind() + "/" + object.getMetadata().getName() + ":", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.") && !value.getClass().getName().startsWith("org.keycloak")
                && !value.getClass().getName().startsWith("com.mongodb")) {
            return;
        }
        List<Field> properties = new ArrayList<>();
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("additionalProperties")) {
                    properties.add(field);
                }
            }
        }
        try {
            Object extra = value.getClass().getMethod("getAdditionalProperties").invoke(value);
            if (extra instanceof Map<?, ?> map && !map.isEmpty() && !properties.isEmpty()) {
                map.keySet().forEach(k -> unknown.add(path + " " + k));
            }
        } catch (NoSuchMethodException e) {
            // a model without additionalProperties (e.g. Quantity, IntOrString) has nothing unknown to keep
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Field field : properties) {
            try {
                field.setAccessible(true);
                walk(field.get(value), path + "." + field.getName(), unknown);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // JDK internals are not ours to walk
            }
        }
    }
}
