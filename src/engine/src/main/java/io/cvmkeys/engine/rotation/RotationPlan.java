package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

/**
 * Plan of a rotation, shown by {@code --dry-run} and before approval.
 *
 * @param target         the set, key and host pool
 * @param currentKeyUrl  the set's active versioned key URL
 * @param latestKeyUrl   the key's latest version; the rotation creates the version after it
 * @param actions        one entry per VM, session host and unattached disk
 * @param sessions       user sessions on the hosts now
 * @param expectedWindow estimate of the maintenance window: drain wait, slowest deallocation, key version, set
 *                       update and slowest start
 */
public record RotationPlan(RotationTarget target, String currentKeyUrl, String latestKeyUrl, List<PlannedAction> actions,
                           int sessions, Duration expectedWindow) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RotationPlan {
        actions = List.copyOf(actions);
    }

    /** Returns the plan as text, one line per resource. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Rotation plan for ").append(target.diskEncryptionSetId()).append('\n');
        text.append("  current key version: ").append(currentKeyUrl).append('\n');
        text.append("  next key version:    a new version of ").append(keyName())
                .append(" created after ").append(latestKeyUrl).append('\n');
        text.append("  user sessions now:   ").append(sessions).append('\n');
        text.append("  expected window:     ").append(RotationEvent.format(expectedWindow)).append(" (estimate)\n");
        for (PlannedAction action : actions) {
            text.append("  ").append(action.kind()).append(' ').append(action.id()).append(" [").append(action.current())
                    .append("]: ").append(String.join(", ", action.actions())).append('\n');
        }
        return text.toString();
    }

    /** Returns the plan as a JSON document. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(tree());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree failed to serialize", e);
        }
    }

    /** Returns the same JSON on one line, to go with the progress events of {@code --json}. */
    public String toJsonLine() {
        return tree().toString();
    }

    private ObjectNode tree() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", "plan");
        json.put("diskEncryptionSetId", target.diskEncryptionSetId());
        json.put("keyId", target.keyId());
        json.put("currentKeyUrl", currentKeyUrl);
        json.put("latestKeyUrl", latestKeyUrl);
        json.put("sessions", sessions);
        json.put("expectedWindowSeconds", expectedWindow.toSeconds());
        ArrayNode resources = json.putArray("resources");
        for (PlannedAction action : actions) {
            ObjectNode resource = resources.addObject();
            resource.put("id", action.id());
            resource.put("kind", action.kind());
            resource.put("current", action.current());
            action.actions().forEach(resource.putArray("actions")::add);
        }
        return json;
    }

    private String keyName() {
        return target.keyId().substring(target.keyId().lastIndexOf('/') + 1);
    }
}
