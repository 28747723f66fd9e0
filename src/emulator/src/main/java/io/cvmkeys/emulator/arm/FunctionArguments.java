package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Evaluated arguments of one template function call, with typed access that reports ARM-style errors. */
final class FunctionArguments {

    private final String function;
    private final List<JsonNode> values;

    FunctionArguments(String function, List<JsonNode> values) {
        this.function = function;
        this.values = values;
    }

    int size() {
        return values.size();
    }

    JsonNode get(int index) {
        return values.get(index);
    }

    List<JsonNode> all() {
        return values;
    }

    FunctionArguments requireCount(int min, int max) {
        if (values.size() < min || values.size() > max) {
            String expected = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw error("expects " + expected + " argument(s) but was given " + values.size());
        }
        return this;
    }

    String string(int index) {
        JsonNode value = values.get(index);
        if (!value.isTextual()) {
            throw typeError(index, "String", value);
        }
        return value.textValue();
    }

    long integer(int index) {
        JsonNode value = values.get(index);
        if (!value.isIntegralNumber()) {
            throw typeError(index, "Integer", value);
        }
        return value.longValue();
    }

    boolean bool(int index) {
        JsonNode value = values.get(index);
        if (!value.isBoolean()) {
            throw typeError(index, "Boolean", value);
        }
        return value.booleanValue();
    }

    /** Returns all arguments from {@code start} on as strings. */
    List<String> strings(int start) {
        List<String> strings = new ArrayList<>();
        for (int i = start; i < values.size(); i++) {
            strings.add(string(i));
        }
        return strings;
    }

    ArmExpressionException typeError(int index, String expected, JsonNode actual) {
        return error("argument " + (index + 1) + " must be of type '" + expected + "' but is of type '"
                + ArmValues.typeName(actual) + "'");
    }

    ArmExpressionException error(String detail) {
        return ArmExpressionException.invalidTemplate(
                "Unable to evaluate template language function '" + function + "': " + detail + ".");
    }
}
