package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a What-If property delta is noise: a value known only during the deployment, a read-only or
 * provider-default property, or an id that differs only in case. Everything else is a real change.
 */
public final class NoiseClassifier {

    /** Properties the resource providers of the cvmkeys resource types set themselves, whatever the template contains. */
    public static final Set<String> READ_ONLY_PROPERTIES = Set.of(
            "provisioningState", "keyUri", "keyUriWithVersion", "vaultUri", "principalId", "clientId");

    private static final String USER_ASSIGNED_IDENTITY = "microsoft.managedidentity/userassignedidentities";

    /**
     * Properties that the role assignment GET returns but a PUT does not send (Microsoft.Authorization 2022-04-01),
     * so What-If lists them as deleted.
     */
    private static final Set<String> ROLE_ASSIGNMENT_READ_ONLY = Set.of(
            "properties.scope", "properties.createdOn", "properties.updatedOn", "properties.createdBy",
            "properties.updatedBy");

    private static final String ROLE_ASSIGNMENT = "microsoft.authorization/roleassignments";

    private NoiseClassifier() {
    }

    /** Returns why {@code change} of a resource of {@code resourceType} is noise, or empty when it is real. */
    public static Optional<NoiseReason> classify(String resourceType, PropertyChange change) {
        if (change.type() == PropertyChangeType.NO_EFFECT) {
            return Optional.of(NoiseReason.NO_EFFECT);
        }
        if (change.type() == PropertyChangeType.ARRAY || !change.children().isEmpty()) {
            return classifyChildren(resourceType, change);
        }
        if (isUnevaluatedExpression(change.after())) {
            return Optional.of(NoiseReason.REFERENCE_VALUE);
        }
        if (UnknownInput.containsPlaceholder(change.path())
                || change.after() != null && change.after().isTextual() && UnknownInput.containsPlaceholder(change.after().asText())) {
            return Optional.of(NoiseReason.EARLIER_STAGE_OUTPUT);
        }
        if (isReadOnly(resourceType, change.path())) {
            return Optional.of(NoiseReason.READ_ONLY);
        }
        if (change.type() == PropertyChangeType.MODIFY && differsOnlyInIdCase(change.before(), change.after())) {
            return Optional.of(NoiseReason.ID_CASING);
        }
        return Optional.empty();
    }

    /** Classifies an array or object delta as noise only when every changed element is, with the first one's reason. */
    private static Optional<NoiseReason> classifyChildren(String resourceType, PropertyChange change) {
        if (change.children().isEmpty()) {
            return Optional.empty();
        }
        NoiseReason first = null;
        for (PropertyChange child : change.children()) {
            Optional<NoiseReason> reason = classify(resourceType, child);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            first = first == null ? reason.get() : first;
        }
        return Optional.of(first);
    }

    /** ARM's What-If leaves a value it cannot evaluate before the deployment as the expression text. */
    static boolean isUnevaluatedExpression(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return false;
        }
        String text = value.asText();
        return text.startsWith("[") && !text.startsWith("[[") && text.endsWith("]")
                && text.toLowerCase(Locale.ROOT).contains("reference(");
    }

    private static boolean isReadOnly(String resourceType, String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (READ_ONLY_PROPERTIES.contains(last)) {
            return true;
        }
        if (path.equals("identity.tenantId")) {
            return true;
        }
        String type = resourceType.toLowerCase(Locale.ROOT);
        if (type.equals(ROLE_ASSIGNMENT) && ROLE_ASSIGNMENT_READ_ONLY.contains(path)) {
            return true;
        }
        return type.equals(USER_ASSIGNED_IDENTITY) && path.equals("properties.tenantId");
    }

    private static boolean differsOnlyInIdCase(JsonNode before, JsonNode after) {
        if (before == null || after == null || !before.isTextual() || !after.isTextual()) {
            return false;
        }
        String beforeText = before.asText();
        String afterText = after.asText();
        return beforeText.equalsIgnoreCase(afterText) && beforeText.toLowerCase(Locale.ROOT).startsWith("/subscriptions/");
    }
}
