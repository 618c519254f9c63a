package io.careline.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.k8s.v2alpha1.KeycloakRealmImport;

import java.util.List;
import java.util.stream.Stream;

import static io.careline.helm.Rendered.SERIALIZATION;
import static io.careline.helm.Rendered.objects;
import static io.careline.helm.Rendered.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm each profile imports into its Keycloak: the realm as code with every placeholder settled (the console and
 * the app on the gateway's host, the dev-only ones at their production defaults), no demo user, no demo partner.
 */
class RealmChartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> profilesWithKeycloak() {
        return Rendered.profiles().filter(profile -> !ofKind(objects(profile), KeycloakRealmImport.class).isEmpty());
    }

    @ParameterizedTest
    @MethodSource("profilesWithKeycloak")
    void placeholdersAreSettledFromTheGatewaysHost(String profile) throws Exception {
        JsonNode realm = realm(profile);
        String host = "https://" + ChartTest.values(profile).at("/ingress/host").asText();

        assertThat(realm.toString()).doesNotContain("${CARELINE_");
        assertThat(client(realm, "careline-admin").get("redirectUris")).containsExactly(JSON.valueToTree(host + "/admin/*"));
        assertThat(client(realm, "careline-admin").get("webOrigins")).containsExactly(JSON.valueToTree(host));
        assertThat(client(realm, "careline-mobile").get("redirectUris"))
                .containsExactly(JSON.valueToTree(host + "/app/auth/callback"));
    }

    @ParameterizedTest
    @MethodSource("profilesWithKeycloak")
    void noDemoUserNoDemoPartnerNoPasswordGrant(String profile) throws Exception {
        JsonNode realm = realm(profile);

        assertThat(realm.has("users")).isFalse();
        assertThat(realm.findValues("secret")).isEmpty();
        assertThat(realm.get("clients")).extracting(client -> client.get("clientId").asText())
                .containsExactlyInAnyOrder("careline-mobile", "careline-admin", "admin-cli");
        assertThat(realm.get("clients")).allSatisfy(client -> assertThat(client.get("directAccessGrantsEnabled").asBoolean())
                .as(client.get("clientId").asText()).isFalse());
        assertThat(realm.get("scopeMappings")).as("Keycloak refuses mappings for a client it does not have")
                .extracting(mapping -> mapping.get("client").asText()).containsExactlyInAnyOrder("careline-mobile", "careline-admin");
    }

    @ParameterizedTest
    @MethodSource("profilesWithKeycloak")
    void staffNeedOtpWithNoDemoExemption(String profile) throws Exception {
        JsonNode realm = realm(profile);
        JsonNode otp = flow(realm, "careline staff otp");

        assertThat(realm.get("browserFlow").asText()).isEqualTo("careline browser");
        assertThat(requirement(otp, "conditional-user-role")).isEqualTo("REQUIRED");
        assertThat(requirement(otp, "auth-otp-form")).isEqualTo("REQUIRED");
        assertThat(requirement(otp, "conditional-user-attribute")).as("the demo users' exemption").isEqualTo("DISABLED");
    }

    @ParameterizedTest
    @MethodSource("profilesWithKeycloak")
    void passwordsLockoutAndRefreshTokens(String profile) throws Exception {
        JsonNode realm = realm(profile);

        assertThat(realm.get("passwordPolicy").asText()).contains("length(12)", "notUsername", "notEmail", "digits(1)");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("failureFactor").asInt()).isEqualTo(5);
        assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
        assertThat(realm.get("refreshTokenMaxReuse").asInt()).isZero();
        assertThat(client(realm, "careline-mobile").get("optionalClientScopes")).extracting(JsonNode::asText)
                .doesNotContain("offline_access");
    }

    private static JsonNode realm(String profile) throws Exception {
        List<KeycloakRealmImport> imports = ofKind(objects(profile), KeycloakRealmImport.class);
        assertThat(imports).hasSize(1);
        return JSON.readTree(SERIALIZATION.asJson(imports.get(0).getSpec().getRealm()));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (client.get("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.get("authenticationFlows")) {
            if (flow.get("alias").asText().equals(alias)) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    private static String requirement(JsonNode flow, String authenticator) {
        for (JsonNode execution : flow.get("authenticationExecutions")) {
            if (authenticator.equals(execution.path("authenticator").asText())) {
                return execution.get("requirement").asText();
            }
        }
        throw new AssertionError("no " + authenticator + " in " + flow.get("alias"));
    }
}
