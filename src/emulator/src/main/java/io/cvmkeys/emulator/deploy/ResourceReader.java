package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reads the current body of a resource by id, as GET would return it, or empty when it does not exist. */
@FunctionalInterface
public interface ResourceReader {
    Optional<ObjectNode> get(String resourceId);
}
