package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An evaluated template: the resources in dependency order, and its outputs once those resources exist. */
public interface PlannedDeployment {

    List<PlannedResource> resources();

    /**
     * Returns the final PUT body of {@code planned}, called in order just before it is written. Engines that
     * evaluate {@code reference()} compute it here, after the resources before it exist.
     */
    default PlannedResource resolveForWrite(PlannedResource planned, ResourceReader reader) {
        return planned;
    }

    /** Returns {@code properties.outputs}: {@code {"name": {"type": ..., "value": ...}}}, read after the resources exist. */
    JsonNode outputs(ResourceReader reader);
}
