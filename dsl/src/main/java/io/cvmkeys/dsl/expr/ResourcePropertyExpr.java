package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;

/**
 * A runtime value of a resource, addressed from the resource root: {@code properties.keyUriWithVersion} or
 * {@code identity.principalId}. ARM renders {@code reference(...)}; Bicep renders {@code symbol.path}.
 */
public final class ResourcePropertyExpr implements Expr {

    private static final String PROPERTIES_PREFIX = "properties.";

    private final Resource resource;
    private final String path;

    public ResourcePropertyExpr(Resource resource, String path) {
        this.resource = resource;
        this.path = path;
    }

    public Resource resource() {
        return resource;
    }

    public String path() {
        return path;
    }

    @Override
    public String toArmExpression() {
        String id = new ResourceIdExpr(resource).toArmExpression();
        String apiVersion = Literal.of(resource.apiVersion()).toArmExpression();
        if (path.startsWith(PROPERTIES_PREFIX)) {
            // Without 'Full', reference() returns the properties object.
            return "reference(" + id + ", " + apiVersion + ")." + path.substring(PROPERTIES_PREFIX.length());
        }
        return "reference(" + id + ", " + apiVersion + ", 'Full')." + path;
    }

    @Override
    public String toBicep(int indent) {
        return resource.symbolicName() + "." + path;
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        references.add(resource);
    }
}
