package io.careline.gateway.docs;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.careline.gateway.config.GatewayConfig;
import io.careline.gateway.problem.Problems;
import io.careline.gateway.routing.Origin;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The API documents of the whole platform in one place, on the management interface beside the gateway's own
 * {@code /q/openapi}: {@code /q/api-docs} lists every service with the path prefixes the gateway routes to it, and
 * {@code /q/api-docs/<service>} is that service's OpenAPI document, fetched from it when asked (so it is never stale).
 * The Swagger UI ({@code /q/swagger-ui}) offers each of them (quarkus.swagger-ui.urls.*).
 */
@Singleton
public class ApiDocs {

    public static final String ROOT = "/q/api-docs";
    private static final Logger LOG = Logger.getLogger(ApiDocs.class);

    private record Document(Origin origin, String path, JsonArray prefixes) {
    }

    private final Map<String, Document> documents = new TreeMap<>();
    private final HttpClient client;
    private final long timeoutMillis;

    ApiDocs(GatewayConfig config, Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis()));
        this.timeoutMillis = config.overview().partTimeout().toMillis();
        config.upstreams().forEach((name, upstream) -> {
            URI url = upstream.openapi().orElse(upstream.url().resolve("/q/openapi"));
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            URI origin = URI.create(url.getScheme() + "://" + url.getRawAuthority());
            documents.put(name, new Document(Origin.of(name, origin), path, new JsonArray(upstream.paths())));
        });
    }

    @PreDestroy
    void close() {
        client.close();
    }

    void init(@Observes ManagementInterface management) {
        management.router().get(ROOT).handler(this::index);
        management.router().get(ROOT + "/:service").handler(this::document);
    }

    private void index(RoutingContext ctx) {
        JsonArray services = new JsonArray();
        documents.forEach((name, document) -> services.add(new JsonObject()
                .put("name", name)
                .put("prefixes", document.prefixes())
                .put("openapi", ROOT + "/" + name)));
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("gateway", "/q/openapi").put("services", services).toBuffer());
    }

    private void document(RoutingContext ctx) {
        String name = ctx.pathParam("service");
        Document document = documents.get(name);
        if (document == null) {
            Problems.send(ctx.request(), 404, "No service of that name is behind this gateway.");
            return;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(document.origin().host()).setPort(document.origin().port()).setSsl(document.origin().ssl())
                .setURI(document.path()).setTimeout(timeoutMillis)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        client.request(request)
                .compose(outgoing -> outgoing.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return body;
                }))
                .onSuccess(body -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body))
                .onFailure(failure -> {
                    LOG.debugf("API document of %s unavailable: %s", name, failure.toString());
                    Problems.send(ctx.request(), 502, "The " + name + " service's API document is not available right now.", name);
                });
    }
}
