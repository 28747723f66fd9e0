package io.cvmkeys.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stages of one environment that completed, with their deployment names and outputs, kept in a small JSON file
 * so that a re-run after a failure resumes at the failed stage even when a deployment record was removed.
 */
public final class DeploymentState {

    private final Path file;
    private final Map<String, ObjectNode> stages = new LinkedHashMap<>();

    private DeploymentState(Path file) {
        this.file = file;
    }

    /** Reads the state file, or starts empty when there is none. */
    public static DeploymentState load(Path file) {
        DeploymentState state = new DeploymentState(file);
        JsonFiles.read(file).ifPresent(json -> {
            Iterator<Map.Entry<String, JsonNode>> entries = json.path("stages").fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (entry.getValue().isObject()) {
                    state.stages.put(entry.getKey(), (ObjectNode) entry.getValue());
                }
            }
        });
        return state;
    }

    /** Returns the outputs recorded for {@code stage} when it completed under {@code deploymentName}. */
    public Optional<ObjectNode> outputs(String stage, String deploymentName) {
        ObjectNode entry = stages.get(stage);
        if (entry == null || !deploymentName.equals(entry.path("deploymentName").asText())) {
            return Optional.empty();
        }
        JsonNode outputs = entry.get("outputs");
        return outputs != null && outputs.isObject() ? Optional.of((ObjectNode) outputs) : Optional.empty();
    }

    public boolean isCompleted(String stage) {
        return stages.containsKey(stage);
    }

    /** Records a completed stage and writes the file at once, so a later failure keeps it. */
    public void complete(String stage, String deploymentName, ObjectNode outputs, Instant completedAt) {
        ObjectNode entry = JsonFiles.MAPPER.createObjectNode();
        entry.put("deploymentName", deploymentName);
        entry.put("completedAt", completedAt.toString());
        entry.set("outputs", outputs);
        stages.put(stage, entry);
        save();
    }

    private void save() {
        ObjectNode json = JsonFiles.MAPPER.createObjectNode();
        ObjectNode stagesJson = json.putObject("stages");
        stages.forEach(stagesJson::set);
        JsonFiles.write(file, json);
    }
}
