package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises ARM template expressions: strings that start with {@code [} and end with {@code ]}. */
final class ArmExpressions {

    private ArmExpressions() {
    }

    /** Returns true for {@code "[parameters('x')]"}, false for a literal escaped as {@code "[[x]"}. */
    static boolean isExpression(String value) {
        return value != null
                && value.length() >= 2
                && value.startsWith("[")
                && value.endsWith("]")
                && !value.startsWith("[[");
    }

    static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.asText());
    }
}
