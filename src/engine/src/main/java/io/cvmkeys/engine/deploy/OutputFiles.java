package io.cvmkeys.engine.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.whatif.InvalidInputException;
import io.cvmkeys.modules.stack.StackOutputs;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Writes the stack's outputs and puts the Disk Encryption Set id into the host pool configuration file. */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Flattens the stages' outputs into one object sorted by name. Secure outputs have no value in ARM's response, so
     * they are left out.
     *
     * @throws IllegalStateException when two stages return different values under one output name
     */
    public static ObjectNode flatten(Map<String, ObjectNode> outputsByStage) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        for (Map.Entry<String, ObjectNode> stage : outputsByStage.entrySet()) {
            Iterator<Map.Entry<String, JsonNode>> outputs = stage.getValue().fields();
            while (outputs.hasNext()) {
                Map.Entry<String, JsonNode> output = outputs.next();
                String type = output.getValue().path("type").asText("");
                JsonNode value = output.getValue().get("value");
                if (type.toLowerCase(java.util.Locale.ROOT).startsWith("secure") || value == null) {
                    continue;
                }
                JsonNode previous = sorted.put(output.getKey(), value);
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalStateException("Stages '" + origin.get(output.getKey()) + "' and '" + stage.getKey()
                            + "' both return the output '" + output.getKey() + "' with different values; rename one.");
                }
                origin.put(output.getKey(), stage.getKey());
            }
        }
        ObjectNode json = JsonFiles.MAPPER.createObjectNode();
        sorted.forEach(json::set);
        return json;
    }

    /** Writes {@code outputs} to {@code file}. */
    public static void writeOutputs(Path file, ObjectNode outputs) {
        JsonFiles.write(file, outputs);
    }

    /**
     * Sets {@code diskEncryptionSetId} in the host pool configuration file and keeps its other fields. A missing file
     * is created with that field alone.
     *
     * @throws InvalidInputException when the file is not a JSON object, or the outputs have no DES id
     */
    public static void writeHostPoolConfiguration(Path file, ObjectNode outputs) {
        JsonNode desId = outputs.get(StackOutputs.DISK_ENCRYPTION_SET_ID);
        if (desId == null || !desId.isTextual()) {
            throw new InvalidInputException("The deployment returned no " + StackOutputs.DISK_ENCRYPTION_SET_ID
                    + " output, so the host pool configuration file " + file + " was not updated.");
        }
        JsonNode existing = JsonFiles.read(file).orElse(JsonFiles.MAPPER.createObjectNode());
        if (!existing.isObject()) {
            throw new InvalidInputException("The host pool configuration file " + file + " does not contain a JSON"
                    + " object; make it one so that cvmkeys can set " + StackOutputs.DISK_ENCRYPTION_SET_ID + " in it.");
        }
        ObjectNode configuration = (ObjectNode) existing;
        configuration.set(StackOutputs.DISK_ENCRYPTION_SET_ID, desId);
        JsonFiles.write(file, configuration);
    }
}
