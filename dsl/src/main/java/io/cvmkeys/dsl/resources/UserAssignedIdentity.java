package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/** {@code Microsoft.ManagedIdentity/userAssignedIdentities}: the identity a Disk Encryption Set uses to reach the key. */
public final class UserAssignedIdentity extends Resource {

    public static final String TYPE = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public static final String API_VERSION = "2023-01-31";

    private UserAssignedIdentity(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** The object id of the identity's service principal, for role assignments. */
    public Expr principalId() {
        return runtime("properties.principalId");
    }

    public Expr clientId() {
        return runtime("properties.clientId");
    }

    /** Builder for {@link UserAssignedIdentity}. */
    public static final class Builder extends ResourceBuilder<UserAssignedIdentity, Builder> {

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            // Name length and characters are checked by the ARM schema; nothing here depends on other settings.
        }

        @Override
        protected void fill() {
        }

        @Override
        protected UserAssignedIdentity create() {
            return new UserAssignedIdentity(this);
        }
    }
}
