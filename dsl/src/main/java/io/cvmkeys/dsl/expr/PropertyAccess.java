package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;

/** Access to a property of a value, such as {@code resourceGroup().location}. */
public final class PropertyAccess implements Expr {

    private final Expr target;
    private final String property;

    PropertyAccess(Expr target, String property) {
        this.target = target;
        this.property = property;
    }

    @Override
    public String toArmExpression() {
        return target.toArmExpression() + "." + property;
    }

    @Override
    public String toBicep(int indent) {
        return target.toBicep(indent) + "." + property;
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        target.collectReferences(references);
    }
}
