package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Read access to emulated state: the current GET body of a resource by its id. Implementations compare ids
 * case-insensitively, as ARM does.
 */
@FunctionalInterface
public interface ResourceLookup {

    /** Returns the resource's GET body, or empty when no resource has that id. */
    Optional<ObjectNode> get(String resourceId);

    /** Returns a lookup with no resources, for evaluations against an empty resource group. */
    static ResourceLookup empty() {
        return resourceId -> Optional.empty();
    }
}
