package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.BicepStrings;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;

import java.util.List;
import java.util.Objects;

/** A template variable; used as a value it renders {@code variables('name')} in ARM and the bare name in Bicep. */
public final class Variable implements Expr {

    private final String name;
    private final Expr value;
    private final String description;

    private Variable(String name, Expr value, String description) {
        if (!BicepStrings.isValidSymbol(name)) {
            throw new InvalidModelException(List.of(new ModelProblem("variable '" + name + "'", "name",
                    "'" + name + "' is not a valid variable name",
                    "use letters, digits and underscores, starting with a letter, and no Bicep keyword")));
        }
        this.name = name;
        this.value = Objects.requireNonNull(value, "value");
        this.description = description;
    }

    public static Variable of(String name, Expr value) {
        return new Variable(name, value, null);
    }

    public static Variable of(String name, Expr value, String description) {
        return new Variable(name, value, description);
    }

    public String name() {
        return name;
    }

    public Expr value() {
        return value;
    }

    public String description() {
        return description;
    }

    @Override
    public String toArmExpression() {
        return "variables(" + Literal.of(name).toArmExpression() + ")";
    }

    @Override
    public String toBicep(int indent) {
        return name;
    }

    @Override
    public void collectReferences(java.util.Collection<Resource> references) {
        value.collectReferences(references);
    }
}
