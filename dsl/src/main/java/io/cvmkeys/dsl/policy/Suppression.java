package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;

import java.util.Objects;

/**
 * An accepted exception to a rule, with the reason it is accepted.
 *
 * <p>Templates declare suppressions in {@code metadata.cvmkeys.suppressions[]}; code adds them with
 * {@link PolicyEngine#withSuppression(Suppression)}. A suppressed finding stays in the report together with the
 * reason.
 *
 * @param ruleId       the rule to suppress, for example {@code CVMKEYS-KV-004}
 * @param resourceType limits the suppression to resources of this type, or null for every type
 * @param resourceName limits the suppression to the resource with this name as written in the template (for
 *                     example {@code [parameters('vaultName')]}) or as it resolves, or null for every name
 * @param reason       why the exception is accepted, for example a change ticket; never blank
 * @param source       where the suppression was declared, for example {@code $.metadata.cvmkeys.suppressions[0]}
 *                     or {@code api}
 */
public record Suppression(String ruleId, String resourceType, String resourceName, String reason, String source) {

    public Suppression {
        Objects.requireNonNull(ruleId, "ruleId");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("A suppression needs the id of the rule it suppresses, for example CVMKEYS-KV-004.");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("The suppression of " + ruleId + " has no reason; give the reason it is"
                    + " accepted, for example a change ticket.");
        }
        resourceType = blankToNull(resourceType);
        resourceName = blankToNull(resourceName);
        source = source == null ? "api" : source;
    }

    /** Suppresses a rule for every resource. */
    public static Suppression of(String ruleId, String reason) {
        return new Suppression(ruleId, null, null, reason, "api");
    }

    /** Suppresses a rule for one resource, named as written in the template. */
    public static Suppression of(String ruleId, String resourceType, String resourceName, String reason) {
        return new Suppression(ruleId, resourceType, resourceName, reason, "api");
    }

    /** Returns true when this suppression covers the finding about {@code resource} (null for template-wide findings). */
    public boolean matches(Finding finding, TemplateResource resource) {
        if (!ruleId.equalsIgnoreCase(finding.ruleId())) {
            return false;
        }
        if (resourceType == null && resourceName == null) {
            return true;
        }
        if (resource == null) {
            return false;
        }
        if (resourceType != null && !resource.isType(resourceType)) {
            return false;
        }
        return resourceName == null || matchesName(resource);
    }

    private boolean matchesName(TemplateResource resource) {
        if (resourceName.equalsIgnoreCase(resource.name())) {
            return true;
        }
        String resolved = resource.value("name").asText();
        return resolved != null && resourceName.equalsIgnoreCase(resolved);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
