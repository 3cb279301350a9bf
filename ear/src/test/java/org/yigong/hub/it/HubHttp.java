package org.yigong.hub.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP access to the hub under test, as a browser, Camunda Modeler or a REST client has it. */
final class HubHttp {

    static final int PORT_OFFSET = Integer.getInteger("it.port.offset", 100);
    static final String BASE = "http://localhost:" + (8080 + PORT_OFFSET);
    static final String MANAGEMENT = "http://localhost:" + (9990 + PORT_OFFSET);

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private String authorization;

    HubHttp as(String user, String password) {
        authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    HubHttp anonymous() {
        authorization = null;
        return this;
    }

    HttpResponse<String> get(String url) {
        return send(request(url).GET());
    }

    HttpResponse<String> postJson(String url, String json) {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String url) {
        var builder = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : BASE + url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/html");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /** The value of a cookie this client holds for the hub, or null. */
    String cookie(String name) {
        return ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) parse(response);
    }

    static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) parse(response);
    }

    private static JsonStructure parse(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }
}
