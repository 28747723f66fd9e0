package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Builds findings with a uniform message shape for the rules of this package. */
final class RuleSupport {

    private static final Map<String, String> DISPLAY_NAMES = Map.of(
            "microsoft.keyvault/vaults", "Key Vault",
            "microsoft.keyvault/vaults/keys", "Key",
            "microsoft.authorization/roleassignments", "Role assignment",
            "microsoft.compute/diskencryptionsets", "Disk encryption set",
            "microsoft.insights/actiongroups", "Action group",
            "microsoft.eventgrid/systemtopics", "System topic",
            "microsoft.eventgrid/systemtopics/eventsubscriptions", "Event subscription",
            "microsoft.compute/virtualmachines", "Virtual machine");

    private RuleSupport() {
    }

    /** Returns how messages name a resource, for example {@code Key Vault '[parameters('vaultName')]'}. */
    static String subject(TemplateResource resource) {
        String displayName = DISPLAY_NAMES.getOrDefault(resource.type().toLowerCase(Locale.ROOT), resource.type());
        return displayName + " '" + resource.name() + "'";
    }

    static Finding violation(RuleDescriptor rule, TemplateResource resource, String relativePath, String message, String fix) {
        return new Finding(rule.id(), rule.severity(), resource.label(), resource.path(relativePath),
                subject(resource) + ": " + message, fix);
    }

    /** Reports that a value is only known at deployment time, so the rule could not check it. */
    static Finding notChecked(RuleDescriptor rule, TemplateResource resource, String relativePath, ResolvedValue value) {
        String message = subject(resource) + ": " + relativePath + " is " + value.describe()
                + ", which is only known at deployment time, so the rule '" + rule.title() + "' was not checked.";
        String fix = ExpressionResolver.parameterName(value.expression()).isPresent()
                ? "Supply a value for the parameter (for example from a parameters file) to check it before deployment."
                : "Check this value by hand, because the rule cannot evaluate this expression before deployment.";
        return new Finding(rule.id(), Severity.INFO, resource.label(), resource.path(relativePath), message, fix);
    }

    /**
     * Checks one value: reports {@code notChecked} when it is an expression, or a violation with
     * {@code "<path> is <value>; <reason>"} when {@code accepted} rejects it. Missing values go to {@code accepted}
     * too, because for many properties Azure's default is the unsafe choice.
     */
    static void check(List<Finding> findings, RuleDescriptor rule, TemplateResource resource, String relativePath,
                      Predicate<ResolvedValue> accepted, String reason, String fix) {
        ResolvedValue value = resource.value(relativePath);
        if (value.isExpression()) {
            findings.add(notChecked(rule, resource, relativePath, value));
        } else if (!accepted.test(value)) {
            findings.add(violation(rule, resource, relativePath, relativePath + " is " + value.describe() + "; " + reason, fix));
        }
    }

    /** Returns true when the known value is an integral number or a text holding one, and it is within the bounds. */
    static boolean isIntegerBetween(ResolvedValue value, long min, long max) {
        Long number = asLong(value);
        return number != null && number >= min && number <= max;
    }

    /** Returns the known value as a whole number, or null when it is not one. */
    static Long asLong(ResolvedValue value) {
        if (!value.isKnown()) {
            return null;
        }
        if (value.value().canConvertToLong() && value.value().isIntegralNumber()) {
            return value.value().longValue();
        }
        try {
            return value.value().isTextual() ? Long.parseLong(value.value().textValue().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
