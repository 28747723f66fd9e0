package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.PlaceholderEmails;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expiry alerting: the Event Grid subscription on the vault's system topic forwards the three key events as CloudEvents
 * to an Azure Monitor alert on the environment's action group, which is enabled and reaches real people.
 */
final class AlertChecks implements DoctorCheck {

    static final List<String> KEY_EVENTS = List.of("Microsoft.KeyVault.KeyNearExpiry", "Microsoft.KeyVault.KeyExpired",
            "Microsoft.KeyVault.KeyNewVersionCreated");
    // The MonitorAlert destination accepts only this schema.
    static final String CLOUD_EVENTS = "CloudEventSchemaV1_0";

    @Override
    public List<Finding> check(DoctorContext context) {
        List<Finding> findings = new ArrayList<>(eventSubscription(context));
        findings.addAll(actionGroup(context));
        return findings;
    }

    private static List<Finding> eventSubscription(DoctorContext context) {
        String subscriptionId = context.ids().eventSubscription();
        Optional<JsonNode> subscription = context.live().get(subscriptionId, LiveResources.EVENT_GRID_API);
        if (subscription.isEmpty()) {
            return List.of(Finding.error("DOCTOR-ALERT-001", subscriptionId,
                    "Event subscription '" + StackResourceIds.EVENT_SUBSCRIPTION_NAME + "' on system topic '"
                            + context.environment().alerts().systemTopicName() + "' not found, so nobody is alerted"
                            + " before the key expires.",
                    "Deploy the alerts stage."));
        }

        JsonNode properties = subscription.get().path("properties");
        List<Finding> findings = new ArrayList<>();
        Set<String> included = new LinkedHashSet<>();
        properties.path("filter").path("includedEventTypes").forEach(type -> included.add(type.asText()));
        List<String> missing = KEY_EVENTS.stream().filter(event -> !included.contains(event)).toList();
        if (!missing.isEmpty()) {
            findings.add(Finding.error("DOCTOR-ALERT-002", subscriptionId,
                    "Event subscription '" + StackResourceIds.EVENT_SUBSCRIPTION_NAME + "' does not include " + missing
                            + " (it includes " + included + ").",
                    "Set filter.includedEventTypes to " + KEY_EVENTS + " and re-deploy the alerts stage."));
        }
        JsonNode destination = properties.path("destination");
        String endpointType = destination.path("endpointType").asText("");
        boolean namesActionGroup = false;
        for (JsonNode actionGroup : destination.path("properties").path("actionGroups")) {
            namesActionGroup |= actionGroup.asText().equalsIgnoreCase(context.ids().actionGroup());
        }
        if (!"MonitorAlert".equals(endpointType) || !namesActionGroup) {
            findings.add(Finding.error("DOCTOR-ALERT-007", subscriptionId,
                    "Event subscription '" + StackResourceIds.EVENT_SUBSCRIPTION_NAME + "' does not raise an Azure"
                            + " Monitor alert to action group '" + context.environment().alerts().actionGroupName()
                            + "': endpointType '" + endpointType + "', actionGroups "
                            + destination.path("properties").path("actionGroups") + ".",
                    "Set destination.endpointType to MonitorAlert with actionGroups [" + context.ids().actionGroup()
                            + "] and re-deploy the alerts stage."));
        }
        String schema = properties.path("eventDeliverySchema").asText("");
        if (!CLOUD_EVENTS.equals(schema)) {
            findings.add(Finding.error("DOCTOR-ALERT-003", subscriptionId,
                    "Event subscription '" + StackResourceIds.EVENT_SUBSCRIPTION_NAME + "' delivers '" + schema
                            + "'; the MonitorAlert destination accepts only " + CLOUD_EVENTS + ".",
                    "Set eventDeliverySchema to " + CLOUD_EVENTS + " and re-deploy the alerts stage."));
        }
        return findings;
    }

    private static List<Finding> actionGroup(DoctorContext context) {
        String groupId = context.ids().actionGroup();
        String groupName = context.environment().alerts().actionGroupName();
        Optional<JsonNode> group = context.live().get(groupId, LiveResources.MONITOR_API);
        if (group.isEmpty()) {
            return List.of(Finding.error("DOCTOR-ALERT-004", groupId,
                    "Action group '" + groupName + "' not found, so expiry alerts reach nobody.",
                    "Deploy the alerts stage."));
        }

        JsonNode properties = group.get().path("properties");
        List<Finding> findings = new ArrayList<>();
        if (!properties.path("enabled").asBoolean(false)) {
            findings.add(Finding.error("DOCTOR-ALERT-005", groupId,
                    "Action group '" + groupName + "' is disabled, so expiry alerts reach nobody.",
                    "Re-deploy the alerts stage, which sets enabled to true."));
        }

        List<String> placeholders = new ArrayList<>();
        int realReceivers = 0;
        for (JsonNode receiver : properties.path("emailReceivers")) {
            String address = receiver.path("emailAddress").asText("").trim();
            if (address.isEmpty() || PlaceholderEmails.isPlaceholder(address)) {
                placeholders.add(receiver.path("name").asText() + " <" + address + ">");
            } else {
                realReceivers++;
            }
        }
        // Webhook URIs may carry a secret token, so only their count is used, never the URI.
        realReceivers += properties.path("webhookReceivers").size();
        if (!placeholders.isEmpty() || realReceivers == 0) {
            findings.add(Finding.error("DOCTOR-ALERT-006", groupId,
                    "Action group '" + groupName + "' has " + (placeholders.isEmpty() ? "no receivers"
                            : "placeholder e-mail receivers " + placeholders) + ", so expiry alerts may reach nobody.",
                    "Set real addresses in alerts.emailReceivers of the environment file and re-deploy the alerts"
                            + " stage."));
        }
        return findings;
    }
}
