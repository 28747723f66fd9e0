package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Splits list responses into pages of {@code {"value":[...],"nextLink":"..."}}. The {@code nextLink} repeats the
 * request's path and query with a {@code $skiptoken} that contains the offset of the next page.
 */
public final class Pager {
    private final String endpoint;
    private final int pageSize;

    public Pager(String endpoint, int pageSize) {
        this.endpoint = endpoint;
        this.pageSize = pageSize;
    }

    public ObjectNode page(ArmRequest request, List<? extends JsonNode> items) {
        int offset = parseSkipToken(request.query("$skiptoken"));
        ObjectNode page = Json.object();
        ArrayNode value = page.putArray("value");
        int end = Math.min(items.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            value.add(items.get(i));
        }
        if (end < items.size()) {
            page.put("nextLink", nextLink(request, end));
        }
        return page;
    }

    private String nextLink(ArmRequest request, int offset) {
        StringBuilder link = new StringBuilder(endpoint).append(request.path().substring(1)).append('?');
        for (Map.Entry<String, String> parameter : request.queryInOrder().entrySet()) {
            if (!parameter.getKey().equalsIgnoreCase("$skiptoken")) {
                link.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue())).append('&');
            }
        }
        return link.append("%24skiptoken=").append(offset).toString();
    }

    private static int parseSkipToken(String token) {
        if (token == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(token);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw ArmException.badRequest("InvalidSkipToken",
                "The $skiptoken '" + token + "' is not valid; use the nextLink of the previous page unchanged.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
