package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/** {@code Microsoft.Insights/diagnosticSettings} on a resource: its logs and metrics sent to Log Analytics. */
public final class DiagnosticSettings extends Resource {

    public static final String TYPE = "Microsoft.Insights/diagnosticSettings";
    public static final String API_VERSION = "2021-05-01-preview";

    private DiagnosticSettings(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** Builder for {@link DiagnosticSettings}; by default it sends the {@code audit} log category group and all metrics. */
    public static final class Builder extends ResourceBuilder<DiagnosticSettings, Builder> {

        private Expr workspaceId;
        private String categoryGroup = "audit";
        private boolean allMetrics = true;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        public Builder withScope(Resource scope) {
            return super.withScope(scope);
        }

        public Builder withWorkspace(Expr workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        /** {@code audit} or {@code allLogs}. */
        public Builder withCategoryGroup(String categoryGroup) {
            this.categoryGroup = categoryGroup;
            return this;
        }

        public Builder withAllMetrics(boolean allMetrics) {
            this.allMetrics = allMetrics;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (scope() == null) {
                problem(problems, "scope", "no resource is set", "call withScope(vault)");
            }
            if (workspaceId == null) {
                problem(problems, "workspaceId", "no Log Analytics workspace is set", "call withWorkspace(workspaceId)");
            }
            if (!List.of("audit", "allLogs").contains(categoryGroup)) {
                problem(problems, "logs.categoryGroup", "'" + categoryGroup + "' is not audit or allLogs", "use audit");
            }
        }

        @Override
        protected void fill() {
            properties()
                    .put("workspaceId", workspaceId)
                    .put("logs", ArrayExpr.of(ObjectExpr.create().put("categoryGroup", categoryGroup).put("enabled", true)));
            if (allMetrics) {
                properties().put("metrics", ArrayExpr.of(ObjectExpr.create().put("category", "AllMetrics").put("enabled", true)));
            }
        }

        @Override
        protected DiagnosticSettings create() {
            return new DiagnosticSettings(this);
        }
    }
}
