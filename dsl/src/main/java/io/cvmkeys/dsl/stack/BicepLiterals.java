package io.cvmkeys.dsl.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.expr.BicepStrings;
import io.cvmkeys.dsl.expr.Literal;

import java.util.Iterator;
import java.util.Map;

/** Renders JSON values as Bicep literals. */
public final class BicepLiterals {

    private BicepLiterals() {
    }

    /** Renders {@code value}; multi-line objects and arrays are indented from level {@code indent}. */
    public static String of(JsonNode value, int indent) {
        if (value.isTextual()) {
            return Literal.of(value.asText()).toBicep(0);
        }
        if (value.isObject()) {
            if (value.isEmpty()) {
                return "{}";
            }
            StringBuilder bicep = new StringBuilder("{\n");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                bicep.append(BicepStrings.indent(indent + 1)).append(BicepStrings.propertyKey(field.getKey()))
                        .append(": ").append(of(field.getValue(), indent + 1)).append('\n');
            }
            return bicep.append(BicepStrings.indent(indent)).append('}').toString();
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return "[]";
            }
            StringBuilder bicep = new StringBuilder("[\n");
            for (JsonNode item : value) {
                bicep.append(BicepStrings.indent(indent + 1)).append(of(item, indent + 1)).append('\n');
            }
            return bicep.append(BicepStrings.indent(indent)).append(']').toString();
        }
        return value.isNull() ? "null" : value.asText();
    }
}
