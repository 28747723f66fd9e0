package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;
import java.util.Map;

/**
 * Any resource type the typed builders do not cover, for example a host pool or a virtual network. It gets no
 * build-time checks beyond a name, but schema validation and policy rules still apply to the template.
 */
public final class GenericResource extends Resource {

    private GenericResource(Builder builder) {
        super(builder);
    }

    /** Starts a resource of {@code type} (full type, for example {@code Microsoft.DesktopVirtualization/hostPools}). */
    public static Builder define(String symbolicName, String type, String apiVersion) {
        return new Builder(symbolicName, type, apiVersion);
    }

    /** Builder for {@link GenericResource}. */
    public static final class Builder extends ResourceBuilder<GenericResource, Builder> {

        private ObjectExpr genericProperties = ObjectExpr.create();

        private Builder(String symbolicName, String type, String apiVersion) {
            super(symbolicName, type, apiVersion);
        }

        public Builder withProperties(ObjectExpr properties) {
            this.genericProperties = properties;
            return this;
        }

        /** Sets a top-level field such as {@code sku}, {@code kind} or {@code identity}. */
        public Builder with(String field, Expr value) {
            return withTopLevel(field, value);
        }

        public Builder withParentResource(Resource parent) {
            return withParent(parent);
        }

        public Builder withScopeResource(Resource scope) {
            return withScope(scope);
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
        }

        @Override
        protected void fill() {
            for (Map.Entry<Expr, Expr> entry : genericProperties.entries().entrySet()) {
                properties().put(entry.getKey(), entry.getValue());
            }
        }

        @Override
        protected GenericResource create() {
            return new GenericResource(this);
        }
    }
}
