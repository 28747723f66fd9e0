package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/**
 * {@code Microsoft.Network/privateEndpoints/privateDnsZoneGroups}: registers the endpoint's IP in a private DNS
 * zone, {@code privatelink.vaultcore.azure.net} for Key Vault, so the vault's name resolves privately.
 */
public final class PrivateDnsZoneGroup extends Resource {

    public static final String TYPE = "Microsoft.Network/privateEndpoints/privateDnsZoneGroups";
    public static final String API_VERSION = "2023-09-01";

    private PrivateDnsZoneGroup(Builder builder) {
        super(builder);
    }

    /** Starts a zone group of {@code privateEndpoint}; its name defaults to {@code default}. */
    public static Builder define(String symbolicName, Resource privateEndpoint) {
        return new Builder(symbolicName, privateEndpoint);
    }

    /** Builder for {@link PrivateDnsZoneGroup}. */
    public static final class Builder extends ResourceBuilder<PrivateDnsZoneGroup, Builder> {

        private Expr privateDnsZoneId;
        private String configName = "privatelink-vaultcore-azure-net";

        private Builder(String symbolicName, Resource privateEndpoint) {
            super(symbolicName, TYPE, API_VERSION);
            withParent(privateEndpoint);
            withName("default");
        }

        /** The private DNS zone's resource id, and a name for its configuration entry. */
        public Builder withPrivateDnsZone(Expr privateDnsZoneId, String configName) {
            this.privateDnsZoneId = privateDnsZoneId;
            this.configName = configName;
            return this;
        }

        public Builder withPrivateDnsZone(Expr privateDnsZoneId) {
            this.privateDnsZoneId = privateDnsZoneId;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (privateDnsZoneId == null) {
                problem(problems, "privateDnsZoneConfigs", "no private DNS zone is set",
                        "call withPrivateDnsZone(zoneResourceId) with the privatelink.vaultcore.azure.net zone");
            }
        }

        @Override
        protected void fill() {
            ObjectExpr config = ObjectExpr.create()
                    .put("name", configName)
                    .put("properties", ObjectExpr.create().put("privateDnsZoneId", privateDnsZoneId));
            properties().put("privateDnsZoneConfigs", ArrayExpr.of(config));
        }

        @Override
        protected PrivateDnsZoneGroup create() {
            return new PrivateDnsZoneGroup(this);
        }
    }
}
