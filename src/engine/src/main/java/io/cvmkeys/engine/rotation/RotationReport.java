package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The result of a rotation or of its rollback: the keys, every resource's final state and what to do next.
 *
 * @param status              {@code SUCCEEDED}, {@code ROLLED_BACK} (the pool is as before) or {@code NEEDS_ATTENTION}
 * @param message             one sentence on the outcome, with the failure when there was one
 * @param journal             the journal file, for {@code --resume}
 * @param keyUrlBefore        the set's key version before the rotation
 * @param newKeyUrl           the version this rotation created, or null
 * @param activeKeyUrl        the set's key version at the end
 * @param previousKeys        the set's {@code previousKeys} at the end; keep these versions enabled until it is empty
 * @param resources           every VM, session host and disk with its final state
 * @param window              time from the first write to the last check
 * @param armReads            GET requests, list pages included
 * @param armWrites           PUT, PATCH, POST and DELETE requests
 * @param powerStatePolls     subscription-wide {@code statusOnly=true} lists
 */
public record RotationReport(RotationJournal.Status status, String message, Path journal, String keyUrlBefore,
                             String newKeyUrl, String activeKeyUrl, List<String> previousKeys,
                             List<ResourceOutcome> resources, Duration window, long armReads, long armWrites,
                             long powerStatePolls) {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RotationReport {
        previousKeys = List.copyOf(previousKeys);
        resources = List.copyOf(resources);
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Rotation ").append(status).append(": ").append(message).append('\n');
        text.append("  journal:          ").append(journal).append('\n');
        text.append("  key before:       ").append(keyUrlBefore).append('\n');
        text.append("  new key version:  ").append(newKeyUrl == null ? "none" : newKeyUrl).append('\n');
        text.append("  set's active key: ").append(activeKeyUrl).append('\n');
        text.append("  previousKeys:     ").append(previousKeys.isEmpty() ? "none" : String.join(", ", previousKeys))
                .append(" (keep old versions enabled until this is empty)\n");
        text.append("  window:           ").append(RotationEvent.format(window)).append(", ").append(armReads)
                .append(" ARM reads, ").append(armWrites).append(" writes, ").append(powerStatePolls)
                .append(" power-state polls\n");
        for (ResourceOutcome resource : resources) {
            text.append("  ").append(resource.kind()).append(' ').append(resource.id()).append(": ")
                    .append(resource.before()).append(" -> ").append(resource.after()).append("; next: ")
                    .append(resource.next()).append('\n');
        }
        return text.toString();
    }

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
        json.put("type", "report");
        json.put("status", status.name());
        json.put("message", message);
        json.put("journal", journal == null ? null : journal.toString());
        json.put("keyUrlBefore", keyUrlBefore);
        json.put("newKeyUrl", newKeyUrl);
        json.put("activeKeyUrl", activeKeyUrl);
        previousKeys.forEach(json.putArray("previousKeys")::add);
        json.put("windowSeconds", window.toSeconds());
        json.put("armReads", armReads);
        json.put("armWrites", armWrites);
        json.put("powerStatePolls", powerStatePolls);
        ArrayNode list = json.putArray("resources");
        for (ResourceOutcome resource : resources) {
            list.addObject().put("id", resource.id()).put("kind", resource.kind()).put("before", resource.before())
                    .put("after", resource.after()).put("next", resource.next());
        }
        return json;
    }
}
