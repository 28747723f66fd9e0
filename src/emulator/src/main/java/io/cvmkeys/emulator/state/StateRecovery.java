package io.cvmkeys.emulator.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings loaded state to rest after a restart. Operations live in memory only, so this class finishes whatever was
 * still running when the previous emulator stopped. VMs in a transitional power state reach their target, and disk
 * encryption sets that were updating succeed. Deployments that were running fail, because their resources were
 * never written.
 */
public final class StateRecovery {
    private static final Logger LOGGER = LoggerFactory.getLogger(StateRecovery.class);
    private static final Map<String, String> POWER_TARGETS = Map.of(
        "deallocating", "deallocated", "starting", "running", "stopping", "stopped");

    private StateRecovery() {
    }

    public static void recover(ResourceStore store) {
        for (StoredResource resource : store.find(r -> true)) {
            String type = resource.type();
            if (type.equalsIgnoreCase("Microsoft.Compute/virtualMachines")) {
                String power = resource.internal().path("powerState").asText("running");
                if (POWER_TARGETS.containsKey(power)) {
                    resource.internal().put("powerState", POWER_TARGETS.get(power));
                    resource.internal().remove("operationId");
                    LOGGER.info("VM {} was {} when the emulator stopped; it is now {}.", resource.id(), power,
                        POWER_TARGETS.get(power));
                }
            } else if (type.equalsIgnoreCase("Microsoft.Compute/diskEncryptionSets")
                && "Updating".equals(resource.properties().path("provisioningState").asText())) {
                resource.properties().put("provisioningState", "Succeeded");
            } else if (type.equalsIgnoreCase("Microsoft.Resources/deployments")) {
                String state = resource.properties().path("provisioningState").asText();
                if (state.equals("Accepted") || state.equals("Running")) {
                    ObjectNode properties = resource.properties();
                    properties.put("provisioningState", "Failed");
                    properties.set("error", new ArmException(409, "DeploymentFailed", "The emulator stopped while "
                        + "deployment '" + resource.body().path("name").asText() + "' was running; deploy it again.")
                        .toErrorObject());
                    LOGGER.info("Deployment {} was {} when the emulator stopped; it is now Failed.", resource.id(), state);
                }
            }
        }
    }
}
