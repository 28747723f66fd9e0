package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Power states of every VM in the subscription from ONE list with {@code statusOnly=true} (paged), so a poll costs
 * the same few reads for 2 or 2,000 VMs. The resource-group list has no {@code statusOnly}.
 */
final class PowerStateReader {

    private final RotationArm arm;
    private long polls;

    PowerStateReader(RotationArm arm) {
        this.arm = arm;
    }

    /** Returns the power state by lower-case VM id. */
    Map<String, String> read() {
        polls++;
        Map<String, String> states = new HashMap<>();
        String path = "/subscriptions/" + arm.subscriptionId() + "/providers/Microsoft.Compute/virtualMachines?statusOnly=true";
        for (JsonNode vm : arm.list(path, RotationArm.COMPUTE_API)) {
            states.put(vm.path("id").asText().toLowerCase(Locale.ROOT), PowerState.of(vm));
        }
        return states;
    }

    /** Number of subscription-wide lists sent so far. */
    long polls() {
        return polls;
    }
}
