package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import io.cvmkeys.emulator.Fault;

/** One HTTP request to the emulator, decoded: method, path segments, query parameters and JSON body. */
public final class ArmRequest {
    /**
     * ARM also serves deployments without the provider segment, {@code .../resourcegroups/{rg}/deployments/...};
     * the SDK's deployment operations client uses that form, so it is rewritten to the provider form.
     */
    private static final Pattern LEGACY_DEPLOYMENTS =
        Pattern.compile("(?i)^(/subscriptions/[^/]+/resourcegroups/[^/]+)/deployments/");

    private final String method;
    private final String path;
    private final List<String> segments;
    private final Map<String, String> query;
    private final String rawQuery;
    private final byte[] body;
    private String operationName = "Unknown";
    private Fault injectedOperationFailure;

    public ArmRequest(String method, String rawPath, String rawQuery, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = LEGACY_DEPLOYMENTS.matcher(stripTrailingSlash(
            URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8).replaceAll("/{2,}", "/")))
            .replaceFirst("$1/providers/Microsoft.Resources/deployments/");
        this.segments = path.isEmpty() ? List.of() : Arrays.asList(path.substring(1).split("/"));
        this.rawQuery = rawQuery;
        this.query = parseQuery(rawQuery);
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** Returns the decoded path without a trailing slash, for example {@code /subscriptions/s/resourceGroups/rg}. */
    public String path() {
        return path;
    }

    public List<String> segments() {
        return segments;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** Returns a query parameter. Names compare case-insensitively as ARM does ({@code api-version}, {@code $expand}). */
    public String query(String name) {
        return query.get(name);
    }

    public boolean queryFlag(String name) {
        return "true".equalsIgnoreCase(query(name));
    }

    public String apiVersion() {
        return query("api-version");
    }

    /** Returns the api-version, or raises ARM's 400 {@code MissingApiVersionParameter}. */
    public String requireApiVersion() {
        String apiVersion = apiVersion();
        if (apiVersion == null || apiVersion.isBlank()) {
            throw ArmException.badRequest("MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");
        }
        return apiVersion;
    }

    public boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    /** Returns the body as a JSON object, or raises 400 {@code InvalidRequestContent}. */
    public ObjectNode jsonObject() {
        if (body.length == 0) {
            throw ArmException.badRequest("InvalidRequestContent",
                "The request content was invalid and could not be deserialized: the body is empty, expected a JSON object.");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw ArmException.badRequest("InvalidRequestContent",
                "The request content was invalid and could not be deserialized: expected a JSON object, got "
                    + node.getNodeType() + ".");
        } catch (JsonProcessingException e) {
            throw ArmException.badRequest("InvalidRequestContent",
                "The request content was invalid and could not be deserialized: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Failed to read the request body", e);
        }
    }

    /** Returns the body as a JSON object, or an empty object when the request has no body. */
    public ObjectNode jsonObjectOrEmpty() {
        return body.length == 0 ? Json.object() : jsonObject();
    }

    public String operationName() {
        return operationName;
    }

    void operationName(String operationName) {
        this.operationName = operationName;
    }

    /** Returns the {@link Fault.Kind#FAIL_OPERATION} fault that matched this request, or {@code null}. */
    public Fault injectedOperationFailure() {
        return injectedOperationFailure;
    }

    void injectedOperationFailure(Fault fault) {
        this.injectedOperationFailure = fault;
    }

    private static String stripTrailingSlash(String value) {
        String result = value;
        while (result.length() > 1 && result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.equals("/") ? "" : result;
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    /** Returns the query parameters in their original order, for building a {@code nextLink}. */
    public Map<String, String> queryInOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                ordered.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return ordered;
    }
}
