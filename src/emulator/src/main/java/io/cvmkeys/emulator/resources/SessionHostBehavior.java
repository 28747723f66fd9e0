package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.state.StoredResource;

/**
 * AVD session hosts. {@code sessions} counts the host's user sessions, and {@code status} follows the power state
 * of the VM in {@code properties.resourceId}: {@code Available} when it runs, {@code Shutdown} when it does not.
 */
final class SessionHostBehavior implements ResourceBehavior {

    @Override
    public ObjectNode render(EmulatorContext context, StoredResource resource, ArmRequest request) {
        ObjectNode body = resource.body().deepCopy();
        ObjectNode properties = Json.child(body, "properties");
        properties.put("sessions", context.store().findByTypeUnder(
            "Microsoft.DesktopVirtualization/hostPools/sessionHosts/userSessions", resource.id()).size());
        String vmId = Json.text(body, "properties.resourceId");
        if (vmId != null) {
            context.store().get(vmId).ifPresent(vm -> {
                String power = vm.internal().path("powerState").asText("running");
                properties.put("status", power.equals("running") ? "Available" : "Shutdown");
            });
        }
        if (!properties.has("status")) {
            properties.put("status", "Available");
        }
        if (!properties.has("allowNewSession")) {
            properties.put("allowNewSession", true);
        }
        return body;
    }
}
