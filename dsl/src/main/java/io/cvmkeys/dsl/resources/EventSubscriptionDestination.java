package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.Parameter;

import java.util.List;

/**
 * Where an Event Grid subscription delivers events: its {@code endpointType} and {@code properties}. The factories
 * cover Azure Monitor alerts, which the expiry alerting uses, and the usual other handlers.
 */
public record EventSubscriptionDestination(String endpointType, ObjectExpr properties, String problem) {

    /** Endpoint type of Azure Monitor alerts; {@code AzureMonitorAlert} is not a valid value. */
    public static final String MONITOR_ALERT = "MonitorAlert";

    /**
     * Raises an Azure Monitor alert per event (Key Vault sources only, CloudEvents v1.0 only).
     *
     * @param severity     {@code Sev0}..{@code Sev4}; anything else is rejected when the subscription is built
     * @param actionGroups ids of the action groups to notify
     * @param description  text shown in the alert
     */
    public static EventSubscriptionDestination monitorAlert(String severity, List<Expr> actionGroups, String description) {
        Expr value = severity == null ? null
                : Literal.of(AlertSeverity.parse(severity).map(AlertSeverity::value).orElse(severity));
        return monitorAlert(value, actionGroups, description);
    }

    /**
     * Raises an Azure Monitor alert with a severity given as an expression: a literal, or a string parameter whose
     * allowed values are all {@code Sev0}..{@code Sev4}.
     */
    public static EventSubscriptionDestination monitorAlert(Expr severity, List<Expr> actionGroups, String description) {
        String problem = severityProblem(severity);
        ObjectExpr properties = ObjectExpr.create()
                .put("severity", severity)
                .put("actionGroups", ArrayExpr.of(actionGroups))
                .put("description", description);
        if (problem == null && actionGroups.isEmpty()) {
            problem = "no action group is set, so nobody is notified";
        }
        return new EventSubscriptionDestination(MONITOR_ALERT, properties, problem);
    }

    private static String severityProblem(Expr severity) {
        if (severity == null) {
            return "no severity is set, and the MonitorAlert destination requires one";
        }
        if (severity instanceof Literal literal) {
            String text = literal.stringValue();
            return AlertSeverity.parse(text).isPresent() ? null
                    : "severity '" + text + "' is not one of Sev0, Sev1, Sev2, Sev3, Sev4";
        }
        if (severity instanceof Parameter parameter) {
            boolean restricted = !parameter.allowedValues().isEmpty() && parameter.allowedValues().stream()
                    .allMatch(v -> v instanceof Literal l && AlertSeverity.parse(l.stringValue()).isPresent());
            return restricted ? null : "severity " + parameter + " does not restrict its allowed values to Sev0..Sev4";
        }
        return null;
    }

    /** Posts events to an HTTPS endpoint; the URL must be a secure parameter because it may carry a key. */
    public static EventSubscriptionDestination webHook(Expr endpointUrl) {
        String problem = endpointUrl instanceof Parameter p && p.isSecure() ? null
                : "the webhook endpoint URL is not a secure parameter, and such URLs often carry a secret";
        return new EventSubscriptionDestination("WebHook", ObjectExpr.create().put("endpointUrl", endpointUrl), problem);
    }

    public static EventSubscriptionDestination storageQueue(Expr storageAccountId, String queueName) {
        return new EventSubscriptionDestination("StorageQueue", ObjectExpr.create()
                .put("resourceId", storageAccountId).put("queueName", Literal.of(queueName)), null);
    }

    public static EventSubscriptionDestination serviceBusQueue(Expr queueId) {
        return new EventSubscriptionDestination("ServiceBusQueue", ObjectExpr.create().put("resourceId", queueId), null);
    }

    public static EventSubscriptionDestination eventHub(Expr eventHubId) {
        return new EventSubscriptionDestination("EventHub", ObjectExpr.create().put("resourceId", eventHubId), null);
    }

    public static EventSubscriptionDestination azureFunction(Expr functionId) {
        return new EventSubscriptionDestination("AzureFunction", ObjectExpr.create().put("resourceId", functionId), null);
    }
}
