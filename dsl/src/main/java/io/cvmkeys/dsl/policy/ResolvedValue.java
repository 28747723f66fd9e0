package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * A template value after {@code parameters()} and {@code variables()} references were resolved.
 *
 * <p>A value is either {@linkplain Kind#KNOWN known}, {@linkplain Kind#MISSING missing} from the template, or an
 * {@linkplain Kind#EXPRESSION expression} whose result is only known at deployment time. Rules report a violation
 * only for known or missing values, so an expression never produces a false error.
 *
 * @param kind       whether the value is known, missing or an expression
 * @param value      the known value, or null unless {@code kind} is {@link Kind#KNOWN}
 * @param expression the ARM expression text that could not be resolved, or null unless {@code kind} is
 *                   {@link Kind#EXPRESSION}
 */
public record ResolvedValue(Kind kind, JsonNode value, String expression) {

    /** How much is known about a value before deployment. */
    public enum Kind {
        KNOWN,
        MISSING,
        EXPRESSION
    }

    private static final ResolvedValue MISSING_VALUE = new ResolvedValue(Kind.MISSING, null, null);

    public ResolvedValue {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.KNOWN) {
            Objects.requireNonNull(value, "value");
        }
        if (kind == Kind.EXPRESSION) {
            Objects.requireNonNull(expression, "expression");
        }
    }

    public static ResolvedValue known(JsonNode value) {
        return new ResolvedValue(Kind.KNOWN, value, null);
    }

    public static ResolvedValue missing() {
        return MISSING_VALUE;
    }

    public static ResolvedValue expression(String expression) {
        return new ResolvedValue(Kind.EXPRESSION, null, expression);
    }

    public boolean isKnown() {
        return kind == Kind.KNOWN;
    }

    public boolean isMissing() {
        return kind == Kind.MISSING;
    }

    public boolean isExpression() {
        return kind == Kind.EXPRESSION;
    }

    /** Returns the known value as text, or null when it is not a known text, number or boolean. */
    public String asText() {
        if (!isKnown() || !value.isValueNode() || value.isNull()) {
            return null;
        }
        return value.asText();
    }

    /** Returns true when the value is known and equals {@code expected}, ignoring case as Azure does for enums. */
    public boolean textEqualsIgnoreCase(String expected) {
        String text = asText();
        return text != null && text.equalsIgnoreCase(expected);
    }

    /** Returns true when the value is the JSON boolean {@code true} or the text {@code "true"} in any case. */
    public boolean isTrue() {
        return isKnown() && (value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(asText()));
    }

    /** Describes the value for a message: the JSON text, {@code missing}, or the expression. */
    public String describe() {
        return switch (kind) {
            case KNOWN -> value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
            case MISSING -> "missing";
            case EXPRESSION -> "the expression " + expression;
        };
    }
}
