package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves template values that are plain {@code [parameters('x')]} or {@code [variables('x')]} references, with an
 * optional property path such as {@code [parameters('key').size]}.
 *
 * <p>A parameter resolves to its supplied value, else to its {@code defaultValue}; a variable to its value in
 * {@code variables}. Both may again be references, which are followed up to {@value #MAX_DEPTH} levels. Any other
 * expression ({@code format}, {@code reference}, {@code resourceGroup()}, ...) stays unresolved: its result is only
 * known at deployment time.
 */
public final class ExpressionResolver {

    private static final int MAX_DEPTH = 16;

    private static final Pattern REFERENCE = Pattern.compile(
            "^\\[\\s*(parameters|variables)\\(\\s*'([^']+)'\\s*\\)((?:\\.[A-Za-z_$][\\w$-]*|\\[\\d+])*)\\s*]$");
    private static final Pattern ACCESSOR = Pattern.compile("\\.([A-Za-z_$][\\w$-]*)|\\[(\\d+)]");

    private final JsonNode template;
    private final ParameterValues parameterValues;

    public ExpressionResolver(JsonNode template, ParameterValues parameterValues) {
        this.template = template;
        this.parameterValues = parameterValues;
    }

    /** Returns true when {@code text} is an ARM expression: it starts with {@code [} (but not {@code [[}) and ends with {@code ]}. */
    public static boolean isExpression(String text) {
        return text != null && text.length() >= 2 && text.startsWith("[") && !text.startsWith("[[") && text.endsWith("]");
    }

    /** Resolves one value. A null or missing node is {@link ResolvedValue.Kind#MISSING}. */
    public ResolvedValue resolve(JsonNode node) {
        return resolve(node, 0);
    }

    /**
     * Resolves a dotted path ({@code properties.attributes.exp}) below {@code start}, resolving a reference met at
     * any step, so that {@code "properties": "[variables('vaultProperties')]"} is followed too.
     */
    public ResolvedValue resolvePath(JsonNode start, String relativePath) {
        ResolvedValue current = resolve(start);
        for (String segment : JsonPaths.segments(relativePath)) {
            if (!current.isKnown()) {
                return current;
            }
            JsonNode child = JsonPaths.child(current.value(), segment);
            if (child == null && isBuiltByPropertyLoop(current.value(), segment)) {
                return ResolvedValue.expression("[copy loop '" + segment + "']");
            }
            current = resolve(child);
        }
        return current;
    }

    /**
     * Returns true when {@code object.copy} has a property loop named {@code property}: ARM builds that property
     * from the loop's {@code input} at deployment time (Bicep compiles a {@code [for ...]} property to this).
     */
    // TODO: expand property loops whose count and input resolve, so rules check each element instead of noting them.
    private static boolean isBuiltByPropertyLoop(JsonNode object, String property) {
        JsonNode loops = object.path("copy");
        if (!object.isObject() || !loops.isArray()) {
            return false;
        }
        for (JsonNode loop : loops) {
            if (property.equalsIgnoreCase(loop.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Returns the parameter's definition in {@code parameters}, matching the name case-insensitively as ARM does. */
    public Optional<JsonNode> parameterDefinition(String name) {
        return fieldIgnoreCase(template.path("parameters"), name);
    }

    /** Returns the parameter name when {@code text} is exactly {@code [parameters('name')]}. */
    public static Optional<String> parameterName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = REFERENCE.matcher(text.trim());
        if (matcher.matches() && matcher.group(1).equals("parameters") && matcher.group(3).isEmpty()) {
            return Optional.of(matcher.group(2));
        }
        return Optional.empty();
    }

    public JsonNode template() {
        return template;
    }

    public ParameterValues parameterValues() {
        return parameterValues;
    }

    private ResolvedValue resolve(JsonNode node, int depth) {
        if (node == null || node.isMissingNode()) {
            return ResolvedValue.missing();
        }
        if (!node.isTextual()) {
            return ResolvedValue.known(node);
        }

        String text = node.textValue();
        if (text.startsWith("[[")) {
            // ARM escapes a literal that starts with '[' by doubling the bracket.
            return ResolvedValue.known(TextNode.valueOf(text.substring(1)));
        }
        if (!isExpression(text)) {
            return ResolvedValue.known(node);
        }
        if (depth >= MAX_DEPTH) {
            return ResolvedValue.expression(text);
        }

        Matcher matcher = REFERENCE.matcher(text.trim());
        if (!matcher.matches()) {
            return ResolvedValue.expression(text);
        }
        ResolvedValue target = matcher.group(1).equals("parameters")
                ? resolveParameter(matcher.group(2), text, depth)
                : resolveVariable(matcher.group(2), text, depth);
        return applyAccessors(target, matcher.group(3), text, depth);
    }

    private ResolvedValue resolveParameter(String name, String expression, int depth) {
        Optional<JsonNode> supplied = parameterValues.get(name);
        if (supplied.isPresent()) {
            // Values in a parameters file are literals: ARM does not evaluate expressions in them.
            return ResolvedValue.known(supplied.get());
        }
        if (parameterValues.isSuppliedButUnknown(name)) {
            return ResolvedValue.expression(expression);
        }
        JsonNode defaultValue = parameterDefinition(name).map(definition -> definition.get("defaultValue")).orElse(null);
        if (defaultValue == null) {
            return ResolvedValue.expression(expression);
        }
        return resolve(defaultValue, depth + 1);
    }

    private ResolvedValue resolveVariable(String name, String expression, int depth) {
        Optional<JsonNode> value = fieldIgnoreCase(template.path("variables"), name);
        if (value.isEmpty()) {
            return ResolvedValue.expression(expression);
        }
        return resolve(value.get(), depth + 1);
    }

    private ResolvedValue applyAccessors(ResolvedValue target, String accessors, String expression, int depth) {
        ResolvedValue current = target;
        Matcher matcher = ACCESSOR.matcher(accessors);
        while (matcher.find()) {
            if (!current.isKnown()) {
                return current.isMissing() ? current : ResolvedValue.expression(expression);
            }
            JsonNode child = matcher.group(1) != null
                    ? current.value().get(matcher.group(1))
                    : current.value().get(Integer.parseInt(matcher.group(2)));
            current = resolve(child, depth + 1);
        }
        return current;
    }

    private static Optional<JsonNode> fieldIgnoreCase(JsonNode object, String name) {
        if (!object.isObject()) {
            return Optional.empty();
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return Optional.of(field.getValue());
            }
        }
        return Optional.empty();
    }
}
