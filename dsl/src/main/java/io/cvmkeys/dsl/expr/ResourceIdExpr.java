package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The resource id of a resource in the template: {@code resourceId(...)} (or {@code extensionResourceId(...)} for
 * an extension resource) in ARM, {@code symbol.id} in Bicep. It makes the referencing resource depend on it.
 */
public final class ResourceIdExpr implements Expr {

    private final Resource resource;

    public ResourceIdExpr(Resource resource) {
        this.resource = resource;
    }

    public Resource resource() {
        return resource;
    }

    @Override
    public String toArmExpression() {
        Resource scope = resource.scope();
        if (scope != null) {
            return "extensionResourceId(" + new ResourceIdExpr(scope).toArmExpression() + ", "
                    + Literal.of(resource.type()).toArmExpression() + ", "
                    + resource.name().toArmExpression() + ")";
        }
        StringJoiner call = new StringJoiner(", ", "resourceId(", ")");
        if (resource.resourceGroup() != null) {
            call.add(resource.resourceGroup().toArmExpression());
        }
        call.add(Literal.of(resource.type()).toArmExpression());
        List<Resource> chain = resource.chain();
        chain.forEach(level -> call.add(level.name().toArmExpression()));
        return call.toString();
    }

    @Override
    public String toBicep(int indent) {
        return resource.symbolicName() + ".id";
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        references.add(resource);
    }
}
