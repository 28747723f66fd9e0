package io.cvmkeys.engine.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GET requests on ARM paths the typed SDK clients of this project do not cover (deleted vaults, Event Grid system
 * topics, role assignments), through the authenticated pipeline.
 */
public final class ArmRest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final String endpoint;

    ArmRest(HttpPipeline pipeline, String endpoint) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /**
     * GETs {@code path} (starting with {@code /}, including its query).
     *
     * @return the body, or empty for 404
     * @throws ArmOperationException for any other status that is not 2xx
     */
    public Optional<JsonNode> get(String path) {
        try (HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, url(path)), com.azure.core.util.Context.NONE)) {
            String body = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            JsonNode json = body.isEmpty() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            if (response.getStatusCode() / 100 != 2) {
                JsonNode error = json.path("error");
                throw new ArmOperationException("GET " + path, error.path("code").asText("HTTP " + response.getStatusCode()),
                        error.path("message").asText(body));
            }
            return Optional.of(json);
        } catch (JsonProcessingException e) {
            throw new ArmOperationException("GET " + path, "InvalidResponse", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** GETs a list and follows {@code nextLink} pages, returning every {@code value} element. */
    public List<JsonNode> list(String path) {
        List<JsonNode> items = new ArrayList<>();
        String next = url(path);
        while (next != null && !next.isEmpty()) {
            String page = next.startsWith(endpoint) ? next.substring(endpoint.length()) : next;
            Optional<JsonNode> body = get(page);
            if (body.isEmpty()) {
                break;
            }
            body.get().path("value").forEach(items::add);
            next = body.get().path("nextLink").asText(null);
        }
        return items;
    }

    private String url(String path) {
        return path.startsWith("http") ? path : endpoint + path;
    }
}
