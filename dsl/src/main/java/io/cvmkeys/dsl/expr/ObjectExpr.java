package io.cvmkeys.dsl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * An object whose keys and values may be expressions. Keys keep the order in which they were put, so both
 * writers produce the same output on every run.
 */
public final class ObjectExpr implements Expr {

    private final Map<Expr, Expr> entries = new LinkedHashMap<>();

    public static ObjectExpr create() {
        return new ObjectExpr();
    }

    /** Sets {@code key} to {@code value}; a null value removes the key, so optional properties stay absent. */
    public ObjectExpr put(String key, Expr value) {
        return put(Literal.of(key), value);
    }

    /** Sets an entry whose key is computed at deploy time, such as a user-assigned identity's resource id. */
    public ObjectExpr put(Expr key, Expr value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
        return this;
    }

    public ObjectExpr put(String key, String value) {
        return put(key, value == null ? null : Literal.of(value));
    }

    public ObjectExpr put(String key, long value) {
        return put(key, Literal.of(value));
    }

    public ObjectExpr put(String key, boolean value) {
        return put(key, Literal.of(value));
    }

    /** Returns the value under a literal key, or null. */
    public Expr get(String key) {
        return entries.get(Literal.of(key));
    }

    public Map<Expr, Expr> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toArmExpression() {
        StringJoiner arguments = new StringJoiner(", ", "createObject(", ")");
        entries.forEach((key, value) -> arguments.add(key.toArmExpression()).add(value.toArmExpression()));
        return arguments.toString();
    }

    @Override
    public String toBicep(int indent) {
        if (entries.isEmpty()) {
            return "{}";
        }
        StringBuilder bicep = new StringBuilder("{\n");
        entries.forEach((key, value) -> bicep
                .append(BicepStrings.indent(indent + 1))
                .append(bicepKey(key))
                .append(": ")
                .append(value.toBicep(indent + 1))
                .append('\n'));
        return bicep.append(BicepStrings.indent(indent)).append('}').toString();
    }

    private static String bicepKey(Expr key) {
        if (key instanceof Literal literal && literal.stringValue() != null) {
            return BicepStrings.propertyKey(literal.stringValue());
        }
        if (key instanceof Interpolation) {
            return key.toBicep(0);
        }
        return "'${" + key.toBicep(0) + "}'";
    }

    @Override
    public JsonNode toArmJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode copies = null;
        for (Map.Entry<Expr, Expr> entry : entries.entrySet()) {
            if (entry.getValue() instanceof ForExpr loop) {
                // ARM writes a property-level loop as an entry of the object's "copy" array, as Bicep compiles [for ...].
                if (copies == null) {
                    copies = JsonNodeFactory.instance.arrayNode();
                }
                copies.add(loop.toArmCopy());
                continue;
            }
            json.set(entry.getKey().toArmJson().asText(), entry.getValue().toArmJson());
        }
        if (copies != null) {
            json.set("copy", copies);
        }
        return json;
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        entries.forEach((key, value) -> {
            key.collectReferences(references);
            value.collectReferences(references);
        });
    }

    @Override
    public boolean isLiteral() {
        return entries.entrySet().stream().allMatch(e -> e.getKey().isLiteral() && e.getValue().isLiteral());
    }
}
