package io.cvmkeys.dsl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;
import java.util.function.Function;

/**
 * A list built from an array value, one item per element: {@code [for x in list: {...}]} in Bicep and a
 * property-level {@code copy} loop in ARM. ARM allows such loops only as a property of an object, and the copy
 * name must equal that property's name, so the loop is created for one property.
 */
public final class ForExpr implements Expr {

    private final String property;
    private final Expr source;
    private final String itemName;
    private final Expr body;

    private ForExpr(String property, Expr source, String itemName, Function<Expr, Expr> body) {
        this.property = property;
        this.source = source;
        this.itemName = itemName;
        this.body = body.apply(new LoopItem());
    }

    /**
     * Creates a loop for the object property {@code property}.
     *
     * @param source   the array to iterate, usually a parameter
     * @param itemName the Bicep loop variable
     * @param body     builds one item from the loop variable
     */
    public static ForExpr forProperty(String property, Expr source, String itemName, Function<Expr, Expr> body) {
        if (!BicepStrings.isValidSymbol(itemName)) {
            throw new IllegalArgumentException("Loop variable '" + itemName + "' is not a valid Bicep identifier."
                    + " Use letters, digits and underscores, starting with a letter.");
        }
        return new ForExpr(property, source, itemName, body);
    }

    /** Renders the entry of the ARM {@code copy} array for this loop. */
    JsonNode toArmCopy() {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        copy.put("name", property);
        copy.put("count", "[length(" + source.toArmExpression() + ")]");
        copy.set("input", body.toArmJson());
        return copy;
    }

    @Override
    public String toArmExpression() {
        throw new IllegalStateException("The loop over " + source.toArmExpression() + " for property '" + property
                + "' can only stand as an object property value in ARM. Put it directly under its property.");
    }

    @Override
    public JsonNode toArmJson() {
        return toArmCopy();
    }

    @Override
    public String toBicep(int indent) {
        return "[for " + itemName + " in " + source.toBicep(indent) + ": " + body.toBicep(indent) + "]";
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        source.collectReferences(references);
        body.collectReferences(references);
    }

    /** The current element inside the loop body. */
    private final class LoopItem implements Expr {

        @Override
        public String toArmExpression() {
            return source.toArmExpression() + "[copyIndex(" + Literal.of(property).toArmExpression() + ")]";
        }

        @Override
        public String toBicep(int indent) {
            return itemName;
        }
    }
}
