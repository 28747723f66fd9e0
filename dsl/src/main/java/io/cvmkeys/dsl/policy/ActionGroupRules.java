package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.PlaceholderEmails;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.cvmkeys.dsl.policy.RuleSupport.check;
import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for the {@code Microsoft.Insights/actionGroups} that receive the key expiry alerts.
 *
 * <p>Webhook URIs often carry a secret token, so no message here ever shows a webhook URI.
 */
public final class ActionGroupRules implements PolicyRule {

    static final String TYPE = "Microsoft.Insights/actionGroups";

    public static final RuleDescriptor LOCATION_GLOBAL = new RuleDescriptor("CVMKEYS-ALERT-001", Severity.ERROR,
            "Action group location is global");
    public static final RuleDescriptor SHORT_NAME = new RuleDescriptor("CVMKEYS-ALERT-002", Severity.ERROR,
            "Action group short name has 1 to 12 characters");
    public static final RuleDescriptor EMAIL_ADDRESS = new RuleDescriptor("CVMKEYS-ALERT-003", Severity.ERROR,
            "Email receivers have real addresses");
    public static final RuleDescriptor COMMON_ALERT_SCHEMA = new RuleDescriptor("CVMKEYS-ALERT-004", Severity.WARNING,
            "Email receivers use the common alert schema");
    public static final RuleDescriptor WEBHOOK_SECURE = new RuleDescriptor("CVMKEYS-ALERT-005", Severity.ERROR,
            "Webhook service URI is not written into the template");
    public static final RuleDescriptor WEBHOOK_SECURE_STRING = new RuleDescriptor("CVMKEYS-ALERT-006", Severity.WARNING,
            "Webhook service URI comes from a secureString parameter");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(LOCATION_GLOBAL, SHORT_NAME, EMAIL_ADDRESS, COMMON_ALERT_SCHEMA, WEBHOOK_SECURE, WEBHOOK_SECURE_STRING);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource group : context.resourcesOfType(TYPE)) {
            check(findings, LOCATION_GLOBAL, group, "location", value -> value.textEqualsIgnoreCase("global"),
                    "action groups are global resources.", "Set location to 'global'.");
            check(findings, SHORT_NAME, group, "properties.groupShortName",
                    value -> value.asText() != null && !value.asText().isBlank() && value.asText().length() <= 12,
                    "Azure Monitor requires a short name of 1 to 12 characters (it appears in SMS and email subjects).",
                    "Set properties.groupShortName to at most 12 characters, for example 'CMKExpiry'.");
            evaluateEmailReceivers(group, findings);
            evaluateWebhookReceivers(group, findings);
        }
        return findings;
    }

    private static void evaluateEmailReceivers(TemplateResource group, List<Finding> findings) {
        ResolvedValue receivers = group.value("properties.emailReceivers");
        if (receivers.isExpression()) {
            findings.add(notChecked(EMAIL_ADDRESS, group, "properties.emailReceivers", receivers));
            return;
        }
        if (!receivers.isKnown() || !receivers.value().isArray()) {
            return;
        }

        for (int i = 0; i < receivers.value().size(); i++) {
            String receiverPath = "properties.emailReceivers[" + i + "]";
            check(findings, EMAIL_ADDRESS, group, receiverPath + ".emailAddress", ActionGroupRules::isRealAddress,
                    "expiry alerts sent there reach nobody.",
                    "Set " + receiverPath + ".emailAddress to the mailbox of the team that runs the key rotation.");
            check(findings, COMMON_ALERT_SCHEMA, group, receiverPath + ".useCommonAlertSchema", ResolvedValue::isTrue,
                    "the common alert schema gives every alert the same fields, which mail rules and tickets rely on.",
                    "Set " + receiverPath + ".useCommonAlertSchema to true.");
        }
    }

    private static boolean isRealAddress(ResolvedValue value) {
        String address = value.asText() == null ? "" : value.asText().trim();
        if (!EMAIL.matcher(address).matches()) {
            return false;
        }
        return !PlaceholderEmails.isPlaceholder(address);
    }

    private static void evaluateWebhookReceivers(TemplateResource group, List<Finding> findings) {
        String receiversPath = "properties.webhookReceivers";
        JsonNode rawReceivers = group.raw(receiversPath);
        if (rawReceivers == null) {
            ResolvedValue receivers = group.value(receiversPath);
            if (receivers.isExpression()) {
                findings.add(notChecked(WEBHOOK_SECURE, group, receiversPath, receivers));
            }
            return;
        }
        if (rawReceivers.isTextual()) {
            // The whole list comes from an expression: a secureObject parameter keeps the URIs out of the template.
            evaluateParameterSource(group, receiversPath, rawReceivers.textValue(), Set.of("secureobject"), findings);
            return;
        }
        for (int i = 0; i < rawReceivers.size(); i++) {
            String uriPath = receiversPath + "[" + i + "].serviceUri";
            JsonNode rawUri = group.raw(uriPath);
            if (rawUri == null) {
                continue;
            }
            if (!rawUri.isTextual() || !ExpressionResolver.isExpression(rawUri.textValue())) {
                findings.add(violation(WEBHOOK_SECURE, group, uriPath, uriPath + " is a literal URI (not shown); a webhook"
                                + " URI can carry a secret token, and everything written in a template ends up in deployment history.",
                        "Pass the URI in a secureString parameter without a default value."));
                continue;
            }
            evaluateParameterSource(group, uriPath, rawUri.textValue(), Set.of("securestring"), findings);
        }
    }

    private static void evaluateParameterSource(TemplateResource group, String path, String expression,
                                                Set<String> secureTypes, List<Finding> findings) {
        Optional<String> parameterName = ExpressionResolver.parameterName(expression);
        if (parameterName.isEmpty()) {
            if (expression.toLowerCase(Locale.ROOT).contains("variables(")) {
                findings.add(violation(WEBHOOK_SECURE, group, path, path + " comes from a template variable (value not"
                                + " shown); variables are written into the template, so the URI and its token are not secret.",
                        "Pass the URI in a secureString parameter without a default value."));
            } else {
                findings.add(notChecked(WEBHOOK_SECURE, group, path, ResolvedValue.expression(expression)));
            }
            return;
        }

        String name = parameterName.get();
        JsonNode definition = group.resolver().parameterDefinition(name).orElse(null);
        String type = definition == null ? "" : definition.path("type").asText("").toLowerCase(Locale.ROOT);
        if (secureTypes.contains(type)) {
            // A default value on a secure parameter is reported by CVMKEYS-PARAM-001.
            return;
        }
        if (definition != null && definition.has("defaultValue")) {
            findings.add(violation(WEBHOOK_SECURE, group, path, path + " comes from parameter '" + name + "' of type '"
                            + definition.path("type").asText() + "' with a default value (not shown); the URI and its token"
                            + " are written into the template and shown in deployment history.",
                    "Declare parameter '" + name + "' as secureString without a default value."));
            return;
        }
        findings.add(violation(WEBHOOK_SECURE_STRING, group, path, path + " comes from parameter '" + name + "' of type '"
                        + (definition == null ? "undeclared" : definition.path("type").asText())
                        + "'; ARM shows the value of a non-secure parameter in deployment history.",
                "Declare parameter '" + name + "' as secureString."));
    }
}
