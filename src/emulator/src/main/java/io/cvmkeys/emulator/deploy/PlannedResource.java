package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One resource a deployment writes: its full id, type, api-version and the PUT body. */
public record PlannedResource(String id, String type, String apiVersion, String name, String location,
                              ObjectNode body) {
}
