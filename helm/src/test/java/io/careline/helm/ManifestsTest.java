package io.careline.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.careline.helm.Rendered.named;
import static io.careline.helm.Rendered.objects;
import static io.careline.helm.Rendered.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rendered object of every profile parses into its typed model, and the chart's invariants hold. */
class ManifestsTest {

    static final List<String> APPS = List.of("customer", "complaint", "claim-care", "notification", "gateway");
    /** Who may write which topic: each service its own (the design's table), nobody else. */
    static final Map<String, Set<String>> OWN_TOPICS = Map.of(
            "customer", Set.of("careline.customer.v1", "careline.customer.dlq"),
            "complaint", Set.of("careline.complaint.v1", "careline.complaint.dlq"),
            "claim-care", Set.of("careline.care.v1", "careline.care.dlq"),
            "notification", Set.of("careline.notification.v1", "careline.notification.dlq"));

    static Iterable<String> profiles() {
        return Rendered.profiles().toList();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyObjectIsATypedObjectWithoutUnknownFields(String profile) {
        List<HasMetadata> objects = objects(profile);

        assertThat(objects).hasSizeGreaterThan(20);
        assertThat(objects.stream().flatMap(o -> Rendered.unknownFields(o).stream())).isEmpty();
    }

    @Test
    void aMisspelledFieldIsCaught() {
        String yaml = Rendered.yaml("default").replaceFirst("imagePullPolicy:", "imagePullPolice:")
                .replaceFirst("poolMode:", "poolmode:")
                .replaceFirst("listeners:", "listener:");

        assertThat(Rendered.parse(yaml).stream().flatMap(o -> Rendered.unknownFields(o).stream()))
                .anyMatch(u -> u.startsWith("Deployment/") && u.endsWith(" imagePullPolice"))
                .anyMatch(u -> u.startsWith("Pooler/") && u.endsWith(" poolmode"))
                .anyMatch(u -> u.startsWith("Kafka/") && u.endsWith(" listener"));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyAppSharesOneNameAcrossDeploymentServiceConfigAndImage(String profile) {
        List<HasMetadata> objects = objects(profile);
        for (String app : APPS) {
            Deployment deployment = named(objects, Deployment.class, app);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

            assertThat(container.getName()).isEqualTo(app);
            assertThat(container.getImage()).matches(".*/" + app + ":[^/]+");
            assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName()).isEqualTo(app + "-config");
            assertThat(named(objects, Service.class, app).getSpec().getSelector())
                    .containsEntry("app.kubernetes.io/name", app);
            named(objects, ConfigMap.class, app + "-config");
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyContainerHasLimitsAndProbesAndNothingRunsAsRoot(String profile) {
        for (Deployment deployment : ofKind(objects(profile), Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            String name = deployment.getMetadata().getName();

            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
            assertThat(pod.getInitContainers()).as(name).isEmpty();
            for (Container c : pod.getContainers()) {
                assertThat(c.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
                assertThat(c.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
                assertThat(List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())).as(name)
                        .doesNotContainNull();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(c.getSecurityContext().getRunAsUser()).as(name).isNull();
                assertThat(c.getSecurityContext().getPrivileged()).as(name).isFalse();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void appsProbeQuarkusHealthOnTheManagementPortAndWriteOnlyToTmp(String profile) {
        List<HasMetadata> objects = objects(profile);
        for (String app : APPS) {
            PodSpec pod = named(objects, Deployment.class, app).getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);

            assertThat(path(c.getStartupProbe())).isEqualTo("/q/health/started");
            assertThat(path(c.getLivenessProbe())).isEqualTo("/q/health/live");
            assertThat(path(c.getReadinessProbe())).isEqualTo("/q/health/ready");
            for (Probe probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
            }
            assertThat(c.getPorts()).anyMatch(p -> p.getName().equals("management") && p.getContainerPort() == 9000);
            assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
            assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void preStopAndGracePeriodCoverTheServicesGracefulShutdown(String profile) {
        List<HasMetadata> objects = objects(profile);
        for (String app : APPS) {
            PodSpec pod = named(objects, Deployment.class, app).getSpec().getTemplate().getSpec();
            Map<String, String> config = named(objects, ConfigMap.class, app + "-config").getData();
            int delay = seconds(config.get("QUARKUS_SHUTDOWN_DELAY"));
            int timeout = seconds(config.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            int preStop = pod.getContainers().get(0).getLifecycle().getPreStop().getSleep().getSeconds().intValue();

            assertThat(preStop).as(app).isEqualTo(delay).isPositive();
            assertThat(timeout).as(app).isEqualTo(15);
            assertThat(pod.getTerminationGracePeriodSeconds()).as(app).isGreaterThan(preStop + delay + timeout);
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void everyWorkloadIsBehindADefaultDenyAndItsOwnNetworkPolicy(String profile) {
        List<HasMetadata> objects = objects(profile);
        List<NetworkPolicy> policies = ofKind(objects, NetworkPolicy.class);
        NetworkPolicy deny = named(objects, NetworkPolicy.class, "careline-default-deny");

        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isEmpty();
        assertThat(deny.getSpec().getEgress()).isEmpty();
        for (Deployment deployment : ofKind(objects, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels).containsAllEntriesOf(deny.getSpec().getPodSelector().getMatchLabels());
            assertThat(policies).as(deployment.getMetadata().getName())
                    .anyMatch(p -> p != deny && labels.entrySet().containsAll(
                            p.getSpec().getPodSelector().getMatchLabels().entrySet()));
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndOnlyTheGatewayReachesTheServices() {
        List<HasMetadata> objects = objects("default");
        String controller = "ingress-nginx";
        for (String app : APPS) {
            NetworkPolicy policy = named(objects, NetworkPolicy.class, app);
            var apiRule = policy.getSpec().getIngress().stream()
                    .filter(r -> r.getPorts().get(0).getPort().getStrVal().equals("http")).toList();

            assertThat(apiRule).hasSize(1);
            var from = apiRule.get(0).getFrom().get(0);
            if (app.equals("gateway")) {
                assertThat(from.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", controller);
            } else {
                assertThat(from.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway");
                assertThat(from.getNamespaceSelector()).isNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void noSecretHoldsALiteralValue(String profile) {
        List<HasMetadata> objects = objects(profile);

        assertThat(ofKind(objects, Secret.class)).allMatch(s -> s.getData() == null && s.getStringData() == null);
        assertThat(ofKind(objects, ConfigMap.class).stream().flatMap(c -> c.getData().keySet().stream()))
                .noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.contains("JAAS"));
        assertThat(ofKind(objects, Deployment.class).stream()
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
                .flatMap(c -> c.getEnv().stream())
                .filter(e -> e.getName().matches(".*(PASSWORD|JAAS|CONNECTION_STRING).*")))
                .isNotEmpty()
                .allMatch(e -> e.getValue() == null && e.getValueFrom().getSecretKeyRef() != null);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void scaledServicesHaveADisruptionBudgetAndAnAutoscaler(String profile) {
        List<HasMetadata> objects = objects(profile);
        boolean single = profile.equals("minimal");
        for (String app : APPS) {
            Deployment deployment = named(objects, Deployment.class, app);
            if (single) {
                assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
                assertThat(ofKind(objects, PodDisruptionBudget.class)).isEmpty();
                continue;
            }
            assertThat(deployment.getSpec().getReplicas()).as("the HPA owns replicas").isNull();
            HorizontalPodAutoscaler hpa = named(objects, HorizontalPodAutoscaler.class, app);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(named(objects, PodDisruptionBudget.class, app).getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void eachServiceWritesOnlyItsOwnTopicsAndEveryTopicItUsesExists(String profile) {
        List<HasMetadata> objects = objects(profile);
        List<KafkaUser> users = ofKind(objects, KafkaUser.class);
        if (profile.equals("external")) {
            assertThat(users).isEmpty();
            return;
        }
        Set<String> topics = ofKind(objects, KafkaTopic.class).stream().map(t -> t.getMetadata().getName())
                .collect(Collectors.toSet());

        assertThat(users).extracting(u -> u.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(OWN_TOPICS.keySet());
        for (KafkaUser user : users) {
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> written = acls.stream()
                    .filter(a -> a.getOperations().contains(AclOperation.WRITE) || a.getOperations().contains(AclOperation.ALL))
                    .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toSet());
            Set<String> used = acls.stream().filter(a -> a.getResource() instanceof AclRuleTopicResource)
                    .map(a -> ((AclRuleTopicResource) a.getResource()).getName()).collect(Collectors.toSet());

            assertThat(written).as(user.getMetadata().getName()).isEqualTo(OWN_TOPICS.get(user.getMetadata().getName()));
            assertThat(topics).containsAll(used);
            assertThat(acls).allMatch(a -> a.getResource() instanceof AclRuleTopicResource
                    ? "literal".equals(((AclRuleTopicResource) a.getResource()).getPatternType().toValue())
                    : true);
        }
    }

    @Test
    void theKafkaClusterKeepsTwoCopiesOfEveryAcknowledgedWrite() {
        for (String profile : List.of("default", "production")) {
            List<HasMetadata> objects = objects(profile);
            Kafka kafka = named(objects, Kafka.class, "careline");

            assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
                    .containsEntry("auto.create.topics.enable", false);
            assertThat(named(objects, io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class, "careline-dual")
                    .getSpec().getReplicas()).isEqualTo(3);
            assertThat(ofKind(objects, KafkaTopic.class)).hasSize(8)
                    .allMatch(t -> t.getSpec().getReplicas() == 3
                            && Integer.valueOf(2).equals(t.getSpec().getConfig().get("min.insync.replicas")));
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void replicasTimesPoolSizeFitBehindThePoolerAndThePoolerInMaxConnections(String profile) {
        if (profile.equals("external")) {
            return;
        }
        List<HasMetadata> objects = objects(profile);
        var pooler = named(objects, io.cnpg.postgresql.v1.Pooler.class, "careline-pg-pooler-rw").getSpec();
        var keycloak = named(objects, org.keycloak.k8s.v2alpha1.Keycloak.class, "careline-keycloak").getSpec();
        int maxConnections = Integer.parseInt(named(objects, io.cnpg.postgresql.v1.Cluster.class, "careline-pg")
                .getSpec().getPostgresql().getParameters().get("max_connections"));
        int clients = 0;
        int flyway = 0;
        int databases = 0;
        for (String app : APPS) {
            String poolSize = named(objects, ConfigMap.class, app + "-config").getData()
                    .get("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE");
            if (poolSize == null) {
                continue;
            }
            int pods = ofKind(objects, HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getMetadata().getName().equals(app)).map(h -> h.getSpec().getMaxReplicas())
                    .findFirst().orElseGet(() -> named(objects, Deployment.class, app).getSpec().getReplicas());
            clients += pods * Integer.parseInt(poolSize);
            flyway += pods * 2; // quarkus.datasource.jdbc.max-size in the services
            databases++;
        }
        int server = pooler.getInstances().intValue()
                * Integer.parseInt(pooler.getPgbouncer().getParameters().get("default_pool_size")) * databases
                + flyway + keycloak.getInstances().intValue() * keycloak.getDb().getPoolMaxSize().intValue();

        assertThat(databases).isEqualTo(2);
        assertThat(clients).isLessThanOrEqualTo(Integer.parseInt(pooler.getPgbouncer().getParameters().get("max_client_conn")));
        assertThat(server).isLessThanOrEqualTo(maxConnections - 10);
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("[0-9]+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
