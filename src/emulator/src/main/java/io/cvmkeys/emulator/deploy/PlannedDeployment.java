package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An evaluated template: the resources in dependency order, and its outputs once those resources exist. */
public interface PlannedDeployment {

    List<PlannedResource> resources();

    /** Returns {@code properties.outputs}: {@code {"name": {"type": ..., "value": ...}}}, read after the resources exist. */
    JsonNode outputs(ResourceReader reader);
}
