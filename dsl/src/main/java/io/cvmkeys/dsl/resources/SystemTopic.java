package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/**
 * {@code Microsoft.EventGrid/systemTopics}: the events of one Azure resource. Only one system topic may exist per
 * source; a second one passes What-If and fails at deployment.
 */
public final class SystemTopic extends Resource {

    public static final String TYPE = "Microsoft.EventGrid/systemTopics";
    public static final String API_VERSION = "2023-12-15-preview";
    public static final String KEY_VAULT_TOPIC_TYPE = "Microsoft.KeyVault.vaults";

    private SystemTopic(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** Builder for {@link SystemTopic}; the topic type defaults to Key Vault's. */
    public static final class Builder extends ResourceBuilder<SystemTopic, Builder> {

        private Expr source;
        private String topicType = KEY_VAULT_TOPIC_TYPE;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
        }

        /** The resource whose events the topic carries, for example the vault's id. */
        public Builder withSource(Expr sourceResourceId) {
            this.source = sourceResourceId;
            return this;
        }

        public Builder withTopicType(String topicType) {
            this.topicType = topicType;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (source == null) {
                problem(problems, "source", "no source resource is set", "call withSource(vault.id())");
            }
        }

        @Override
        protected void fill() {
            properties().put("source", source).put("topicType", topicType);
        }

        @Override
        protected SystemTopic create() {
            return new SystemTopic(this);
        }
    }
}
