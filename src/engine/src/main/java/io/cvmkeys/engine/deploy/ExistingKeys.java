package io.cvmkeys.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.whatif.ResourceChange;
import io.cvmkeys.engine.whatif.StageWhatIf;

import java.util.Locale;
import java.util.Set;

/**
 * Removes the key of a stage from its template when the key already exists exactly as the template defines it. A
 * key PUT on an existing key changes nothing, so skipping it avoids a write; the {@code reference()} in the
 * template's outputs then reads the existing key and returns its {@code keyUriWithVersion}.
 */
final class ExistingKeys {

    private static final String KEY_TYPE = "microsoft.keyvault/vaults/keys";

    private ExistingKeys() {
    }

    /**
     * Returns a copy of {@code template} without its key resource when What-If of the stage found that key in
     * {@code keysToSkip}; returns {@code template} itself otherwise.
     */
    static ObjectNode withoutExistingKeys(ObjectNode template, StageWhatIf stage, Set<String> keysToSkip) {
        long stageKeys = stage.changes().stream().filter(change -> change.isType(KEY_TYPE)).count();
        long skipped = stage.changes().stream()
                .filter(change -> change.isType(KEY_TYPE))
                .map(ResourceChange::resourceId)
                .filter(id -> keysToSkip.stream().anyMatch(skip -> skip.equalsIgnoreCase(id)))
                .count();
        // A key resource's name is an expression, so the template resource of one key among several cannot be
        // identified without evaluating it. So only a stage whose keys all exist unchanged is rewritten.
        if (skipped == 0 || skipped != stageKeys) {
            return template;
        }

        ObjectNode copy = template.deepCopy();
        ArrayNode resources = (ArrayNode) copy.path("resources");
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (resources.get(i).path("type").asText().toLowerCase(Locale.ROOT).equals(KEY_TYPE)) {
                resources.remove(i);
            }
        }
        for (JsonNode resource : resources) {
            JsonNode dependsOn = resource.get("dependsOn");
            if (dependsOn instanceof ArrayNode array) {
                for (int i = array.size() - 1; i >= 0; i--) {
                    if (array.get(i).asText().toLowerCase(Locale.ROOT).contains("'" + KEY_TYPE + "'")) {
                        array.remove(i);
                    }
                }
            }
        }
        return copy;
    }
}
