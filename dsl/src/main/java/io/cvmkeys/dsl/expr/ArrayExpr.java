package io.cvmkeys.dsl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/** An array whose items may be expressions. */
public final class ArrayExpr implements Expr {

    private final List<Expr> items;

    private ArrayExpr(List<Expr> items) {
        this.items = List.copyOf(items);
    }

    public static ArrayExpr of(List<? extends Expr> items) {
        return new ArrayExpr(List.copyOf(items));
    }

    public static ArrayExpr of(Expr... items) {
        return new ArrayExpr(List.of(items));
    }

    /** Creates an array of string literals. */
    public static ArrayExpr ofStrings(Collection<String> values) {
        return new ArrayExpr(values.stream().map(v -> (Expr) Literal.of(v)).toList());
    }

    public List<Expr> items() {
        return items;
    }

    @Override
    public String toArmExpression() {
        StringJoiner arguments = new StringJoiner(", ", "createArray(", ")");
        items.forEach(item -> arguments.add(item.toArmExpression()));
        return arguments.toString();
    }

    @Override
    public String toBicep(int indent) {
        if (items.isEmpty()) {
            return "[]";
        }
        StringBuilder bicep = new StringBuilder("[\n");
        for (Expr item : items) {
            bicep.append(BicepStrings.indent(indent + 1)).append(item.toBicep(indent + 1)).append('\n');
        }
        return bicep.append(BicepStrings.indent(indent)).append(']').toString();
    }

    @Override
    public JsonNode toArmJson() {
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        items.forEach(item -> json.add(item.toArmJson()));
        return json;
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        items.forEach(item -> item.collectReferences(references));
    }

    @Override
    public boolean isLiteral() {
        return items.stream().allMatch(Expr::isLiteral);
    }
}
