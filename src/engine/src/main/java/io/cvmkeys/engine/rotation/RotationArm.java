package io.cvmkeys.engine.rotation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.azure.AzureClients;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ARM REST calls of the rotation, through the authenticated pipeline of {@link AzureClients}. The pipeline's retry
 * policy honours {@code Retry-After} on 429 and 5xx responses. Long-running operations are started here and never
 * polled per resource: the rotation confirms their effect from one subscription-wide list per poll.
 *
 * <p>Counts every request, so a report and the benchmark can show how many reads a rotation made.
 */
public final class RotationArm {

    static final String COMPUTE_API = "2024-03-01";
    static final String DISKS_API = "2023-10-02";
    static final String DESKTOP_API = "2024-04-03";
    static final String KEY_VAULT_API = "2023-07-01";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final String subscriptionId;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    public RotationArm(HttpPipeline pipeline, String endpoint, String subscriptionId) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.subscriptionId = subscriptionId;
    }

    /** Uses the pipeline, endpoint and subscription of {@code clients}. */
    public static RotationArm of(AzureClients clients) {
        return new RotationArm(clients.pipeline(), clients.profile().getEnvironment().getResourceManagerEndpoint(),
                clients.subscriptionId());
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** Number of GET requests sent, list pages included. */
    public long reads() {
        return reads.get();
    }

    /** Number of PUT, PATCH, POST and DELETE requests sent. */
    public long writes() {
        return writes.get();
    }

    /** GETs one resource; empty for 404. */
    public Optional<JsonNode> get(String path, String apiVersion) {
        return send(HttpMethod.GET, withApiVersion(path, apiVersion), null);
    }

    /** GETs a list and follows {@code nextLink}, returning every {@code value} element. */
    public List<JsonNode> list(String path, String apiVersion) {
        List<JsonNode> items = new ArrayList<>();
        String next = withApiVersion(path, apiVersion);
        while (next != null && !next.isEmpty()) {
            Optional<JsonNode> page = send(HttpMethod.GET, next, null);
            if (page.isEmpty()) {
                break;
            }
            page.get().path("value").forEach(items::add);
            next = page.get().path("nextLink").asText(null);
        }
        return items;
    }

    /** PATCHes a resource with {@code body}; returns the response body, which is empty for 202. */
    public Optional<JsonNode> patch(String path, String apiVersion, JsonNode body) {
        return send(HttpMethod.PATCH, withApiVersion(path, apiVersion), body);
    }

    /** POSTs an action such as {@code .../deallocate}; the long-running operation is not awaited. */
    public void post(String path, String apiVersion) {
        send(HttpMethod.POST, withApiVersion(path, apiVersion), null);
    }

    /** DELETEs a resource; a 404 counts as done. */
    public void delete(String path, String apiVersion) {
        send(HttpMethod.DELETE, withApiVersion(path, apiVersion), null);
    }

    private Optional<JsonNode> send(HttpMethod method, String pathOrUrl, JsonNode body) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : endpoint + pathOrUrl;
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString());
        }
        (method == HttpMethod.GET ? reads : writes).incrementAndGet();

        String operation = method + " " + pathOrUrl.replace(endpoint, "");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            JsonNode json = text.isBlank() ? null : MAPPER.readTree(text);
            if (response.getStatusCode() / 100 != 2) {
                JsonNode error = json == null ? MAPPER.createObjectNode() : json.path("error");
                throw new ArmOperationException(operation, error.path("code").asText("HTTP " + response.getStatusCode()),
                        error.path("message").asText(text));
            }
            return Optional.ofNullable(json);
        } catch (JsonProcessingException e) {
            throw new ArmOperationException(operation, "InvalidResponse", "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String withApiVersion(String path, String apiVersion) {
        return path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion;
    }
}
