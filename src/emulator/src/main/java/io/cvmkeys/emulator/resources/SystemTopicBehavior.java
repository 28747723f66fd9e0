package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.util.List;

/**
 * Event Grid system topics. Event Grid allows one system topic per source, so a second topic for the same
 * {@code properties.source} under another name is rejected.
 */
final class SystemTopicBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        String source = Json.text(requestBody, "properties.source");
        if (source == null || source.isBlank()) {
            throw ArmException.badRequest("InvalidRequest",
                "System topic '" + id.name() + "' has no properties.source; set it to the id of the resource whose "
                    + "events it publishes, for example the key vault.");
        }
        if (existing != null && !source.equalsIgnoreCase(Json.text(existing.body(), "properties.source"))) {
            throw ArmException.badRequest("InvalidRequest", "The source of system topic '" + id.name()
                + "' cannot be changed from '" + Json.text(existing.body(), "properties.source") + "' to '" + source
                + "'; delete the topic and create a new one.");
        }

        // NOTE: Event Grid documents the one-topic-per-source rule but not its error code, so InvalidRequest is a guess.
        List<StoredResource> others = context.store().find(resource ->
            resource.type().equalsIgnoreCase("Microsoft.EventGrid/systemTopics")
                && resource.resourceId().subscriptionId().equalsIgnoreCase(id.subscriptionId())
                && !resource.id().equalsIgnoreCase(id.id())
                && source.equalsIgnoreCase(Json.text(resource.body(), "properties.source")));
        if (!others.isEmpty()) {
            throw ArmException.badRequest("InvalidRequest", "System topic '" + others.get(0).id()
                + "' already exists for source '" + source + "', and Event Grid allows only one system topic per "
                + "source. Use the existing topic for '" + id.name() + "', or delete it first.");
        }

        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        prepared.properties().put("metricResourceId", EmulatorContext.stableGuid("metric", prepared.id()));
        return prepared;
    }
}
