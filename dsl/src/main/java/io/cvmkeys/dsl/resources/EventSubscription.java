package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.List;

/** {@code Microsoft.EventGrid/systemTopics/eventSubscriptions}: which events of a system topic go where. */
public final class EventSubscription extends Resource {

    public static final String TYPE = "Microsoft.EventGrid/systemTopics/eventSubscriptions";
    public static final String API_VERSION = "2023-12-15-preview";

    /** The Key Vault events the expiry alerting needs. */
    public static final List<String> KEY_EXPIRY_EVENTS = List.of(
            "Microsoft.KeyVault.KeyNearExpiry",
            "Microsoft.KeyVault.KeyExpired",
            "Microsoft.KeyVault.KeyNewVersionCreated");

    // The MonitorAlert destination first appears in this API version of Microsoft.EventGrid.
    private static final String MONITOR_ALERT_MIN_API_VERSION = "2023-12-15";

    private EventSubscription(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName, Resource systemTopic) {
        return new Builder(symbolicName, systemTopic);
    }

    /** Builder for {@link EventSubscription}; retries 30 times within 1440 minutes by default. */
    public static final class Builder extends ResourceBuilder<EventSubscription, Builder> {

        private EventSubscriptionDestination destination;
        private EventDeliverySchema eventDeliverySchema;
        private List<String> includedEventTypes = KEY_EXPIRY_EVENTS;
        private long maxDeliveryAttempts = 30;
        private long eventTimeToLiveInMinutes = 1440;

        private Builder(String symbolicName, Resource systemTopic) {
            super(symbolicName, TYPE, API_VERSION);
            withParent(systemTopic);
        }

        public Builder withDestination(EventSubscriptionDestination destination) {
            this.destination = destination;
            return this;
        }

        /** Defaults to CloudEvents v1.0, which the MonitorAlert destination requires. */
        public Builder withEventDeliverySchema(EventDeliverySchema eventDeliverySchema) {
            this.eventDeliverySchema = eventDeliverySchema;
            return this;
        }

        public Builder withIncludedEventTypes(List<String> includedEventTypes) {
            this.includedEventTypes = List.copyOf(includedEventTypes);
            return this;
        }

        public Builder withRetryPolicy(long maxDeliveryAttempts, long eventTimeToLiveInMinutes) {
            this.maxDeliveryAttempts = maxDeliveryAttempts;
            this.eventTimeToLiveInMinutes = eventTimeToLiveInMinutes;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (destination == null) {
                problem(problems, "destination", "no destination is set",
                        "call withDestination(EventSubscriptionDestination.monitorAlert(...))");
                return;
            }
            if (destination.problem() != null) {
                problem(problems, "destination", destination.problem(), destinationFix());
            }
            if (!destination.endpointType().equals(EventSubscriptionDestination.MONITOR_ALERT)) {
                return;
            }
            if (eventDeliverySchema != null && eventDeliverySchema != EventDeliverySchema.CLOUD_EVENT_SCHEMA_V1_0) {
                problem(problems, "eventDeliverySchema", eventDeliverySchema.value() + " is set, but the MonitorAlert"
                        + " destination accepts only CloudEventSchemaV1_0", "use EventDeliverySchema.CLOUD_EVENT_SCHEMA_V1_0");
            }
            if (apiVersion().compareTo(MONITOR_ALERT_MIN_API_VERSION) < 0) {
                problem(problems, "apiVersion", apiVersion() + " predates the MonitorAlert destination",
                        "use 2023-12-15-preview or later");
            }
        }

        private String destinationFix() {
            return switch (destination.endpointType()) {
                case EventSubscriptionDestination.MONITOR_ALERT ->
                        "give a severity from Sev0 to Sev4 and at least one action group id";
                case "WebHook" -> "pass the URL through Parameter.secureString(...)";
                default -> "correct the destination settings";
            };
        }

        @Override
        protected void fill() {
            EventDeliverySchema schema = eventDeliverySchema != null ? eventDeliverySchema
                    : destination.endpointType().equals(EventSubscriptionDestination.MONITOR_ALERT)
                    ? EventDeliverySchema.CLOUD_EVENT_SCHEMA_V1_0 : EventDeliverySchema.EVENT_GRID_SCHEMA;
            properties()
                    .put("destination", ObjectExpr.create()
                            .put("endpointType", destination.endpointType())
                            .put("properties", destination.properties()))
                    .put("filter", ObjectExpr.create().put("includedEventTypes", ArrayExpr.ofStrings(includedEventTypes)))
                    .put("eventDeliverySchema", schema.value())
                    .put("retryPolicy", ObjectExpr.create()
                            .put("maxDeliveryAttempts", maxDeliveryAttempts)
                            .put("eventTimeToLiveInMinutes", eventTimeToLiveInMinutes));
        }

        @Override
        protected EventSubscription create() {
            return new EventSubscription(this);
        }
    }
}
