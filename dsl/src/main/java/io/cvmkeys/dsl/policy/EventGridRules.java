package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for the Event Grid system topic on the vault and its event subscription that raises Azure Monitor alerts
 * for key expiry.
 */
public final class EventGridRules implements PolicyRule {

    static final String SYSTEM_TOPIC = "Microsoft.EventGrid/systemTopics";
    static final String EVENT_SUBSCRIPTION = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    public static final RuleDescriptor TOPIC_TYPE = new RuleDescriptor("CVMKEYS-ALERT-010", Severity.ERROR,
            "System topic type is Microsoft.KeyVault.vaults");
    public static final RuleDescriptor CLOUD_EVENT_SCHEMA = new RuleDescriptor("CVMKEYS-ALERT-011", Severity.ERROR,
            "Monitor alert subscription delivers CloudEventSchemaV1_0");
    public static final RuleDescriptor ALERT_SEVERITY = new RuleDescriptor("CVMKEYS-ALERT-012", Severity.ERROR,
            "Monitor alert destination has a severity Sev0 to Sev4");
    public static final RuleDescriptor ACTION_GROUPS = new RuleDescriptor("CVMKEYS-ALERT-013", Severity.ERROR,
            "Monitor alert destination has at least one action group");
    public static final RuleDescriptor API_VERSION = new RuleDescriptor("CVMKEYS-ALERT-014", Severity.ERROR,
            "Monitor alert subscription uses API version 2023-12-15-preview or later");
    public static final RuleDescriptor ENDPOINT_TYPE = new RuleDescriptor("CVMKEYS-ALERT-015", Severity.ERROR,
            "Endpoint type is MonitorAlert, not AzureMonitorAlert");
    public static final RuleDescriptor EVENT_TYPES = new RuleDescriptor("CVMKEYS-ALERT-016", Severity.ERROR,
            "Subscription includes KeyNearExpiry, KeyExpired and KeyNewVersionCreated");

    public static final RuleDescriptor ONE_TOPIC_PER_SOURCE = new RuleDescriptor("CVMKEYS-ALERT-017", Severity.ERROR,
            "At most one system topic per source");

    /** The first API version whose schema has the MonitorAlert destination. */
    static final String MONITOR_ALERT_API_VERSION = "2023-12-15-preview";
    static final List<String> REQUIRED_EVENTS = List.of(
            "Microsoft.KeyVault.KeyNearExpiry", "Microsoft.KeyVault.KeyExpired", "Microsoft.KeyVault.KeyNewVersionCreated");

    private static final String ENDPOINT = "properties.destination.endpointType";
    private static final String EVENT_TYPES_PATH = "properties.filter.includedEventTypes";
    private static final Pattern SEVERITY = Pattern.compile("Sev[0-4]", Pattern.CASE_INSENSITIVE);

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(TOPIC_TYPE, CLOUD_EVENT_SCHEMA, ALERT_SEVERITY, ACTION_GROUPS, API_VERSION, ENDPOINT_TYPE, EVENT_TYPES,
                ONE_TOPIC_PER_SOURCE);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        Map<String, TemplateResource> topicsBySource = new HashMap<>();
        for (TemplateResource topic : context.resourcesOfType(SYSTEM_TOPIC)) {
            evaluateSource(topic, topicsBySource, findings);
            check(findings, TOPIC_TYPE, topic, "properties.topicType",
                    value -> value.textEqualsIgnoreCase("Microsoft.KeyVault.vaults"),
                    "key expiry events come from the vault's system topic.",
                    "Set properties.topicType to 'Microsoft.KeyVault.vaults' and properties.source to the vault id.");
        }
        for (TemplateResource subscription : context.resourcesOfType(EVENT_SUBSCRIPTION)) {
            evaluateSubscription(subscription, findings);
        }
        return findings;
    }

    /**
     * Reports a second system topic on the same source: Azure allows one per source, and What-If does not notice,
     * so the deployment fails late. Sources compare as written (or resolved), ignoring case.
     */
    private static void evaluateSource(TemplateResource topic, Map<String, TemplateResource> topicsBySource, List<Finding> findings) {
        ResolvedValue source = topic.value("properties.source");
        String key = source.isExpression() ? source.expression() : source.asText();
        if (key == null) {
            return;
        }
        TemplateResource first = topicsBySource.putIfAbsent(key.toLowerCase(Locale.ROOT), topic);
        if (first != null) {
            findings.add(violation(ONE_TOPIC_PER_SOURCE, topic, "properties.source", "properties.source is "
                            + source.describe() + ", the same source as " + first.label()
                            + "; Azure allows only one system topic per source, and What-If does not detect the conflict.",
                    "Keep one system topic for the vault and add every event subscription to it."));
        }
    }

    private static void evaluateSubscription(TemplateResource subscription, List<Finding> findings) {
        ResolvedValue endpointType = subscription.value(ENDPOINT);
        if (endpointType.textEqualsIgnoreCase("AzureMonitorAlert")) {
            findings.add(violation(ENDPOINT_TYPE, subscription, ENDPOINT, ENDPOINT + " is " + endpointType.describe()
                            + "; Event Grid has no such endpoint type, the Azure Monitor alert destination is 'MonitorAlert'.",
                    "Set " + ENDPOINT + " to 'MonitorAlert'."));
        } else if (!endpointType.textEqualsIgnoreCase("MonitorAlert")) {
            // Only the Monitor alert destination has these requirements.
            return;
        }

        check(findings, CLOUD_EVENT_SCHEMA, subscription, "properties.eventDeliverySchema",
                value -> value.textEqualsIgnoreCase("CloudEventSchemaV1_0"),
                "the MonitorAlert destination only accepts CloudEvents v1.0 (a missing value means EventGridSchema).",
                "Set properties.eventDeliverySchema to 'CloudEventSchemaV1_0'.");

        check(findings, ALERT_SEVERITY, subscription, "properties.destination.properties.severity",
                value -> value.asText() != null && SEVERITY.matcher(value.asText()).matches(),
                "the MonitorAlert destination requires a severity from Sev0 to Sev4.",
                "Set properties.destination.properties.severity, for example to 'Sev2'.");

        check(findings, ACTION_GROUPS, subscription, "properties.destination.properties.actionGroups",
                value -> value.isKnown() && value.value().isArray() && !value.value().isEmpty(),
                "an alert without an action group notifies nobody.",
                "Add the action group id to properties.destination.properties.actionGroups.");

        check(findings, API_VERSION, subscription, "apiVersion",
                value -> value.asText() != null && compareApiVersions(value.asText(), MONITOR_ALERT_API_VERSION) >= 0,
                "the MonitorAlert destination exists from API version " + MONITOR_ALERT_API_VERSION + " on.",
                "Set apiVersion to '" + MONITOR_ALERT_API_VERSION + "' or later.");

        evaluateEventTypes(subscription, findings);
    }

    private static void evaluateEventTypes(TemplateResource subscription, List<Finding> findings) {
        ResolvedValue eventTypes = subscription.value(EVENT_TYPES_PATH);
        if (eventTypes.isExpression()) {
            findings.add(notChecked(EVENT_TYPES, subscription, EVENT_TYPES_PATH, eventTypes));
            return;
        }

        Set<String> missing = new LinkedHashSet<>(REQUIRED_EVENTS);
        if (eventTypes.isKnown() && eventTypes.value().isArray()) {
            for (int i = 0; i < eventTypes.value().size(); i++) {
                String eventType = subscription.value(EVENT_TYPES_PATH + "[" + i + "]").asText();
                missing.removeIf(required -> required.equalsIgnoreCase(eventType));
            }
        }
        if (!missing.isEmpty()) {
            findings.add(violation(EVENT_TYPES, subscription, EVENT_TYPES_PATH, EVENT_TYPES_PATH + " is "
                            + eventTypes.describe() + " and lacks " + String.join(", ", missing)
                            + "; the alert must cover the approaching expiry, the expiry itself and new versions.",
                    "Set " + EVENT_TYPES_PATH + " to " + String.join(", ", REQUIRED_EVENTS) + "."));
        }
    }

    /**
     * Compares ARM API versions such as {@code 2023-12-15-preview}: by date first, and on the same date a preview
     * sorts before the stable version.
     */
    static int compareApiVersions(String left, String right) {
        String leftDate = left.length() >= 10 ? left.substring(0, 10) : left;
        String rightDate = right.length() >= 10 ? right.substring(0, 10) : right;
        int byDate = leftDate.compareTo(rightDate);
        if (byDate != 0) {
            return byDate;
        }
        boolean leftPreview = left.toLowerCase(Locale.ROOT).contains("preview");
        boolean rightPreview = right.toLowerCase(Locale.ROOT).contains("preview");
        return Boolean.compare(!leftPreview, !rightPreview);
    }
}
