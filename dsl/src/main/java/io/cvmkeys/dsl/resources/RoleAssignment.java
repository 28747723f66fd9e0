package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ResourcePropertyExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/**
 * {@code Microsoft.Authorization/roleAssignments} on a resource. Its default name is
 * {@code guid(scope id, principal, role definition id)}, so a re-deploy adopts the assignment instead of adding a
 * duplicate.
 */
public final class RoleAssignment extends Resource {

    public static final String TYPE = "Microsoft.Authorization/roleAssignments";
    public static final String API_VERSION = "2022-04-01";

    private RoleAssignment(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** The role definition id as a subscription-level resource id. */
    public static Expr roleDefinitionId(String roleDefinitionGuid) {
        return Exprs.subscriptionResourceId("Microsoft.Authorization/roleDefinitions", Literal.of(roleDefinitionGuid));
    }

    /** Builder for {@link RoleAssignment}. */
    public static final class Builder extends ResourceBuilder<RoleAssignment, Builder> {

        private String roleDefinitionGuid;
        private Expr principalId;
        private PrincipalType principalType;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        /** The resource the role applies to, for example the key (tightest) or the vault. */
        public Builder withScope(Resource scope) {
            return super.withScope(scope);
        }

        public Builder withRole(BuiltInRole role) {
            this.roleDefinitionGuid = role.id();
            return this;
        }

        /** A role by its definition GUID, for custom roles. */
        public Builder withRoleDefinitionGuid(String roleDefinitionGuid) {
            this.roleDefinitionGuid = roleDefinitionGuid;
            return this;
        }

        public Builder withPrincipalId(Expr principalId) {
            this.principalId = principalId;
            return this;
        }

        public Builder withPrincipalId(String principalId) {
            return withPrincipalId(Literal.of(principalId));
        }

        /**
         * Required: without it ARM looks the principal up in the directory, and an identity created moments ago is
         * not replicated yet, so the assignment fails with PrincipalNotFound.
         */
        public Builder withPrincipalType(PrincipalType principalType) {
            this.principalType = principalType;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (roleDefinitionGuid == null) {
                problem(problems, "roleDefinitionId", "no role is set", "call withRole(BuiltInRole...)");
            }
            if (principalId == null) {
                problem(problems, "principalId", "no principal is set", "call withPrincipalId(...)");
            }
            if (principalType == null) {
                problem(problems, "principalType", "it is not set, so a just-created identity fails with"
                        + " PrincipalNotFound", "call withPrincipalType(PrincipalType.SERVICE_PRINCIPAL)");
            }
        }

        @Override
        protected void fill() {
            Expr roleDefinitionId = roleDefinitionId(roleDefinitionGuid);
            if (name() == null) {
                withName(defaultName(roleDefinitionId));
            }
            properties()
                    .put("roleDefinitionId", roleDefinitionId)
                    .put("principalId", principalId)
                    .put("principalType", principalType.value());
        }

        @Override
        protected boolean hasDefaultName() {
            return true;
        }

        private Expr defaultName(Expr roleDefinitionId) {
            // ARM computes names before deployment, so a principal id read from a resource (reference()) cannot be
            // part of it; the identity's resource id is stable and known upfront.
            Expr principalSeed = principalId instanceof ResourcePropertyExpr runtime
                    ? runtime.resource().id()
                    : principalId;
            Expr scopeId = scope() != null ? scope().id() : Exprs.resourceGroup().property("id");
            return Exprs.guid(scopeId, principalSeed, roleDefinitionId);
        }

        @Override
        protected RoleAssignment create() {
            return new RoleAssignment(this);
        }
    }
}
