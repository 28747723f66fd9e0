package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cvmkeys.emulator.arm.Expression.FunctionCall;
import io.cvmkeys.emulator.arm.Expression.IndexAccess;
import io.cvmkeys.emulator.arm.Expression.IntegerLiteral;
import io.cvmkeys.emulator.arm.Expression.PropertyAccess;
import io.cvmkeys.emulator.arm.Expression.StringLiteral;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates template values: JSON trees whose strings may be expressions, whose object keys may be expressions and
 * whose objects may hold property-level {@code copy} loops. Instances are immutable; {@link #withCopyIndex} returns
 * a copy for one loop iteration.
 */
final class ExpressionEvaluator {

    /** Template parameters and variables by name, resolved on first use. */
    interface Bindings {

        JsonNode parameter(String name);

        JsonNode variable(String name);
    }

    /** Resource state that {@code reference()} reads. */
    interface References {

        JsonNode reference(String resourceIdOrName, String apiVersion, boolean full);
    }

    private record CopyIndex(String loopName, int index) {
    }

    private final DeploymentContext context;
    private final Bindings bindings;
    private final References references;
    private final List<CopyIndex> copyIndexes;

    ExpressionEvaluator(DeploymentContext context, Bindings bindings, References references) {
        this(context, bindings, references, List.of());
    }

    private ExpressionEvaluator(
            DeploymentContext context, Bindings bindings, References references, List<CopyIndex> copyIndexes) {
        this.context = context;
        this.bindings = bindings;
        this.references = references;
        this.copyIndexes = copyIndexes;
    }

    DeploymentContext context() {
        return context;
    }

    Bindings bindings() {
        return bindings;
    }

    References references() {
        return references;
    }

    /** Returns an evaluator where {@code copyIndex(loopName)} and, as innermost loop, {@code copyIndex()} is index. */
    ExpressionEvaluator withCopyIndex(String loopName, int index) {
        List<CopyIndex> nested = new ArrayList<>(copyIndexes);
        nested.add(new CopyIndex(loopName, index));
        return new ExpressionEvaluator(context, bindings, references, List.copyOf(nested));
    }

    /** Returns the current iteration of the named loop, or of the innermost loop when the name is null. */
    int copyIndex(String loopName) {
        for (int i = copyIndexes.size() - 1; i >= 0; i--) {
            CopyIndex candidate = copyIndexes.get(i);
            if (loopName == null || candidate.loopName().equalsIgnoreCase(loopName)) {
                return candidate.index();
            }
        }
        throw ArmExpressionException.invalidTemplate(loopName == null
                ? "The template function 'copyIndex' is not expected at this location: it is valid only inside a copy loop."
                : "The template function 'copyIndex' refers to the copy loop '" + loopName
                        + "', which does not enclose this value.");
    }

    /** Evaluates a template value: expressions in strings and object keys, and property-level copy loops. */
    JsonNode evaluateValue(JsonNode template) {
        if (template == null) {
            return null;
        }
        if (template.isTextual()) {
            return evaluateString(template.textValue());
        }
        if (template.isArray()) {
            ArrayNode result = ArmValues.NODES.arrayNode();
            for (JsonNode element : template) {
                result.add(evaluateValue(element));
            }
            return result;
        }
        if (template.isObject()) {
            return evaluateObject((ObjectNode) template);
        }
        return template.deepCopy();
    }

    private ObjectNode evaluateObject(ObjectNode template) {
        ObjectNode result = ArmValues.NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = template.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equals("copy") && PropertyCopy.isPropertyCopy(field.getValue())) {
                PropertyCopy.expand((ArrayNode) field.getValue(), this, result);
                continue;
            }
            JsonNode key = evaluateString(field.getKey());
            result.set(ArmValues.toText(key), evaluateValue(field.getValue()));
        }
        return result;
    }

    /**
     * Evaluates one JSON string: an expression gives its value, {@code [[...]} gives the literal without the escape.
     * During a What-If preview, a string whose {@code reference()} is known only after the deployment stays as the
     * unevaluated expression text, as ARM's What-If shows it.
     */
    JsonNode evaluateString(String value) {
        if (!ExpressionParser.isExpression(value)) {
            return TextNode.valueOf(ExpressionParser.unescapeLiteral(value));
        }
        try {
            return evaluateExpression(value);
        } catch (UnresolvedReferenceException e) {
            return TextNode.valueOf(value);
        }
    }

    /** Parses and evaluates one expression string including its brackets. */
    JsonNode evaluateExpression(String expressionText) {
        return evaluate(ExpressionParser.parse(expressionText));
    }

    private JsonNode evaluate(Expression expression) {
        if (expression instanceof StringLiteral literal) {
            return TextNode.valueOf(literal.value());
        }
        if (expression instanceof IntegerLiteral literal) {
            return ArmValues.integer(literal.value());
        }
        if (expression instanceof PropertyAccess access) {
            return propertyOf(evaluate(access.target()), access.property());
        }
        if (expression instanceof IndexAccess access) {
            return indexOf(evaluate(access.target()), evaluate(access.index()));
        }
        return call((FunctionCall) expression);
    }

    private JsonNode call(FunctionCall call) {
        String name = call.name().toLowerCase(Locale.ROOT);

        // if, and, or evaluate their arguments lazily, so a branch not taken may refer to things that do not exist.
        switch (name) {
            case "if": {
                if (call.arguments().size() != 3) {
                    throw new FunctionArguments(call.name(), List.of()).error(
                            "expects 3 argument(s) but was given " + call.arguments().size());
                }
                boolean condition = requireBoolean(call, 0, evaluate(call.arguments().get(0)));
                return evaluate(call.arguments().get(condition ? 1 : 2));
            }
            case "and":
            case "or": {
                if (call.arguments().size() < 2) {
                    throw new FunctionArguments(call.name(), List.of()).error(
                            "expects at least 2 argument(s) but was given " + call.arguments().size());
                }
                boolean shortCircuitValue = name.equals("or");
                for (int i = 0; i < call.arguments().size(); i++) {
                    if (requireBoolean(call, i, evaluate(call.arguments().get(i))) == shortCircuitValue) {
                        return ArmValues.NODES.booleanNode(shortCircuitValue);
                    }
                }
                return ArmValues.NODES.booleanNode(!shortCircuitValue);
            }
            default:
                break;
        }

        List<JsonNode> values = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            values.add(evaluate(argument));
        }
        return TemplateFunctions.invoke(call.name(), new FunctionArguments(call.name(), values), this);
    }

    private static boolean requireBoolean(FunctionCall call, int index, JsonNode value) {
        if (!value.isBoolean()) {
            throw new FunctionArguments(call.name(), List.of()).typeError(index, "Boolean", value);
        }
        return value.booleanValue();
    }

    private static JsonNode propertyOf(JsonNode target, String property) {
        if (!target.isObject()) {
            throw ArmExpressionException.invalidTemplate("The language expression property '" + property
                    + "' can't be evaluated: the value is of type '" + ArmValues.typeName(target)
                    + "', not 'Object'.");
        }
        JsonNode value = ArmValues.property(target, property);
        if (value == null) {
            List<String> available = new ArrayList<>();
            target.fieldNames().forEachRemaining(available::add);
            throw ArmExpressionException.invalidTemplate("The language expression property '" + property
                    + "' doesn't exist, available properties are '" + String.join(", ", available) + "'.");
        }
        return value;
    }

    private static JsonNode indexOf(JsonNode target, JsonNode index) {
        if (index.isTextual()) {
            return propertyOf(target, index.textValue());
        }
        if (!index.isIntegralNumber()) {
            throw ArmExpressionException.invalidTemplate("The language expression index must be an Integer or a"
                    + " String but is of type '" + ArmValues.typeName(index) + "'.");
        }
        if (!target.isArray()) {
            throw ArmExpressionException.invalidTemplate("The language expression index '" + index.asText()
                    + "' can't be applied to a value of type '" + ArmValues.typeName(target) + "', only to an 'Array'.");
        }
        long position = index.longValue();
        if (position < 0 || position >= target.size()) {
            throw ArmExpressionException.invalidTemplate("The language expression index '" + position
                    + "' is out of bounds for an array of length " + target.size() + ".");
        }
        return target.get((int) position);
    }
}
