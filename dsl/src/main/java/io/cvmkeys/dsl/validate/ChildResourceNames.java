package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Handles literal names of top-level child resources, such as {@code "kv1/k1"} for
 * {@code Microsoft.KeyVault/vaults/keys}.
 *
 * <p>The published name patterns describe only the last segment, so a correct full name would fail them. The name
 * is checked here for one segment per type level, then cut down to its last segment before schema validation.
 * Names written as ARM expressions are left alone because their value is only known at deployment.
 */
final class ChildResourceNames {

    private ChildResourceNames() {
    }

    /**
     * Replaces a literal child name in {@code resource} by its last segment.
     *
     * @return an error when the number of name segments does not match the type, for example one segment for
     * {@code Microsoft.KeyVault/vaults/keys}
     */
    static Optional<Finding> checkAndShorten(ObjectNode resource, String type, String label, String path) {
        JsonNode name = resource.get("name");
        if (name == null || !name.isTextual() || ArmExpressions.isExpression(name)) {
            return Optional.empty();
        }
        String literal = name.asText();

        // "Microsoft.KeyVault/vaults/keys" has two type levels after the namespace, so the name needs two segments.
        int expectedSegments = type.split("/", -1).length - 1;
        String[] segments = literal.split("/", -1);
        if (expectedSegments > 0 && segments.length != expectedSegments) {
            return Optional.of(new Finding(ArmSchemaValidator.RULE_ID, Severity.ERROR, label, path + ".name",
                    "\"" + literal + "\" has " + segments.length + " name segment(s), but " + type + " needs "
                            + expectedSegments,
                    "Write one segment per type level, for example \"parent/child\" for a child resource."));
        }
        if (segments.length > 1) {
            resource.put("name", segments[segments.length - 1]);
        }
        return Optional.empty();
    }
}
