package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.write.Json;

import java.util.Map;

/**
 * Renders a {@link WhatIfPlan} as JSON for tools: per stage the changes with ARM's change type, the effective one,
 * the real deltas in ARM's delta shape, and the noise with its reason.
 */
public final class WhatIfJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public String render(WhatIfPlan plan) {
        return Json.pretty(toJson(plan));
    }

    public ObjectNode toJson(WhatIfPlan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("stack", plan.stack());
        root.put("environment", plan.environment());
        ObjectNode summary = root.putObject("summary");
        for (Map.Entry<ChangeType, Integer> count : plan.counts().entrySet()) {
            summary.put(count.getKey().armName(), count.getValue());
        }
        summary.put("realChanges", plan.realChangeCount());

        ArrayNode stages = root.putArray("stages");
        for (StageWhatIf stage : plan.stages()) {
            ObjectNode stageJson = stages.addObject();
            stageJson.put("stage", stage.stage());
            stageJson.put("resourceGroup", stage.resourceGroup());
            stageJson.put("deploymentName", stage.deploymentName());
            ArrayNode unknown = stageJson.putArray("unknownInputs");
            for (UnknownInput input : stage.unknownInputs()) {
                ObjectNode inputJson = unknown.addObject();
                inputJson.put("parameter", input.parameter());
                inputJson.put("fromStage", input.fromStage());
                inputJson.put("output", input.output());
                if (input.placeholder() != null) {
                    inputJson.put("placeholder", input.placeholder());
                }
            }
            ArrayNode pending = stageJson.putArray("pendingInputs");
            for (io.cvmkeys.dsl.stack.StageInput input : stage.pendingInputs()) {
                pending.addObject().put("parameter", input.parameter()).put("fromStage", input.fromStage())
                        .put("output", input.output());
            }
            ArrayNode changes = stageJson.putArray("changes");
            stage.changes().forEach(change -> changes.add(change(change)));
        }
        return root;
    }

    private static ObjectNode change(ResourceChange change) {
        ObjectNode json = NODES.objectNode();
        json.put("resourceId", change.resourceId());
        json.put("changeType", change.changeType().armName());
        json.put("effectiveChangeType", change.effectiveChangeType().armName());
        if (!change.unsupportedReason().isEmpty()) {
            json.put("unsupportedReason", change.unsupportedReason());
        }
        ArrayNode delta = json.putArray("delta");
        change.changes().forEach(property -> delta.add(property(property)));
        ArrayNode noise = json.putArray("noise");
        for (Noise item : change.noise()) {
            ObjectNode noiseJson = property(item.change());
            noiseJson.put("reason", item.reason().name());
            noise.add(noiseJson);
        }
        return json;
    }

    private static ObjectNode property(PropertyChange change) {
        ObjectNode json = NODES.objectNode();
        json.put("path", change.path());
        json.put("propertyChangeType", change.type().armName());
        set(json, "before", change.before());
        set(json, "after", change.after());
        if (!change.children().isEmpty()) {
            ArrayNode children = json.putArray("children");
            change.children().forEach(child -> children.add(property(child)));
        }
        return json;
    }

    private static void set(ObjectNode json, String name, JsonNode value) {
        if (value != null) {
            json.set(name, value);
        }
    }
}
