package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

/** The name of a resource in the template (its own last segment for a child resource). */
public final class ResourceNameExpr implements Expr {

    private final Resource resource;

    public ResourceNameExpr(Resource resource) {
        this.resource = resource;
    }

    @Override
    public String toArmExpression() {
        return resource.name().toArmExpression();
    }

    @Override
    public String toBicep(int indent) {
        return resource.symbolicName() + ".name";
    }

    @Override
    public boolean isLiteral() {
        return resource.name().isLiteral();
    }
}
