package io.cvmkeys.dsl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Objects;

/** A string, integer, boolean or null value written as it is. */
public final class Literal implements Expr {

    private final Object value;

    private Literal(Object value) {
        this.value = value;
    }

    public static Literal of(String value) {
        return new Literal(Objects.requireNonNull(value, "value"));
    }

    public static Literal of(long value) {
        return new Literal(value);
    }

    public static Literal of(boolean value) {
        return new Literal(value);
    }

    public static Literal nullValue() {
        return new Literal(null);
    }

    /** The Java value: a {@code String}, {@code Long}, {@code Boolean} or {@code null}. */
    public Object value() {
        return value;
    }

    /** Returns the value as a string, or null when it is not a string. */
    public String stringValue() {
        return value instanceof String s ? s : null;
    }

    @Override
    public String toArmExpression() {
        if (value == null) {
            return "null()";
        }
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "true()" : "false()";
        }
        return value.toString();
    }

    @Override
    public String toBicep(int indent) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + BicepStrings.escape(s) + "'";
        }
        return value.toString();
    }

    @Override
    public JsonNode toArmJson() {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String s) {
            // ARM reads a string that starts with '[' and ends with ']' as an expression; '[[' keeps it literal.
            boolean looksLikeExpression = s.startsWith("[") && s.endsWith("]");
            return TextNode.valueOf(looksLikeExpression ? "[" + s : s);
        }
        if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        }
        return LongNode.valueOf((Long) value);
    }

    @Override
    public boolean isLiteral() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Literal literal && Objects.equals(value, literal.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return toBicep(0);
    }
}
