package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Property-level {@code copy} loops: {@code "copy": [{"name": "p", "count": n, "input": {...}}]} inside an object
 * sets property {@code p} to an array of {@code n} evaluated inputs, with {@code copyIndex('p')} as the iteration.
 * The same form builds variables in the {@code variables} section.
 */
final class PropertyCopy {

    private static final long MAX_COUNT = 800;

    private PropertyCopy() {
    }

    /** Returns whether a {@code copy} property is a list of property loops rather than an ordinary value. */
    static boolean isPropertyCopy(JsonNode value) {
        if (!value.isArray() || value.isEmpty()) {
            return false;
        }
        for (JsonNode loop : value) {
            if (!loop.isObject() || !loop.has("name") || !loop.has("count") || !loop.has("input")) {
                return false;
            }
        }
        return true;
    }

    /** Evaluates every loop in {@code loops} and sets its array on {@code target}. */
    static void expand(ArrayNode loops, ExpressionEvaluator evaluator, ObjectNode target) {
        for (JsonNode loop : loops) {
            String name = ArmValues.toText(evaluator.evaluateValue(loop.get("name")));
            target.set(name, evaluateLoop(name, loop, evaluator));
        }
    }

    /** Evaluates one loop's inputs into an array. */
    static ArrayNode evaluateLoop(String name, JsonNode loop, ExpressionEvaluator evaluator) {
        JsonNode count = evaluator.evaluateValue(loop.get("count"));
        if (!count.isIntegralNumber() || count.longValue() < 0 || count.longValue() > MAX_COUNT) {
            // ARM allows at most 800 iterations per copy loop.
            throw ArmExpressionException.invalidTemplate("The copy loop '" + name + "' has count '"
                    + ArmValues.toText(count) + "': it must be an integer from 0 to " + MAX_COUNT + ".");
        }

        ArrayNode values = ArmValues.NODES.arrayNode();
        for (int i = 0; i < count.intValue(); i++) {
            values.add(evaluator.withCopyIndex(name, i).evaluateValue(loop.get("input")));
        }
        return values;
    }
}
