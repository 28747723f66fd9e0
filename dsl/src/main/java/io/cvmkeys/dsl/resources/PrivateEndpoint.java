package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/** {@code Microsoft.Network/privateEndpoints}: a private IP in a subnet for one sub-resource, such as a vault. */
public final class PrivateEndpoint extends Resource {

    public static final String TYPE = "Microsoft.Network/privateEndpoints";
    public static final String API_VERSION = "2023-09-01";

    private PrivateEndpoint(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** Builder for {@link PrivateEndpoint}. */
    public static final class Builder extends ResourceBuilder<PrivateEndpoint, Builder> {

        private Expr subnetId;
        private Expr privateLinkServiceId;
        private String groupId;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        public Builder withSubnet(Expr subnetId) {
            this.subnetId = subnetId;
            return this;
        }

        /** Connects the endpoint to {@code target}'s sub-resource, for example a vault's {@code vault}. */
        public Builder withPrivateLinkTo(Resource target, String groupId) {
            this.privateLinkServiceId = target.id();
            this.groupId = groupId;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (subnetId == null) {
                problem(problems, "subnet.id", "no subnet is set", "call withSubnet(subnetResourceId)");
            }
            if (privateLinkServiceId == null) {
                problem(problems, "privateLinkServiceConnections", "no target is set",
                        "call withPrivateLinkTo(vault, \"vault\")");
            }
        }

        @Override
        protected void fill() {
            ObjectExpr connection = ObjectExpr.create()
                    .put("name", Literal.of(groupId))
                    .put("properties", ObjectExpr.create()
                            .put("privateLinkServiceId", privateLinkServiceId)
                            .put("groupIds", ArrayExpr.ofStrings(List.of(groupId))));
            properties()
                    .put("subnet", ObjectExpr.create().put("id", subnetId))
                    .put("privateLinkServiceConnections", ArrayExpr.of(connection));
        }

        @Override
        protected PrivateEndpoint create() {
            return new PrivateEndpoint(this);
        }
    }
}
