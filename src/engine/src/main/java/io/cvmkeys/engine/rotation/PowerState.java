package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;

/** VM power states as the instance view's {@code PowerState/...} codes name them, without the prefix. */
public final class PowerState {

    public static final String RUNNING = "running";
    public static final String DEALLOCATED = "deallocated";
    public static final String STOPPED = "stopped";
    public static final String UNKNOWN = "unknown";

    private PowerState() {
    }

    /** Reads {@code running}, {@code deallocating}, ... from a VM body with {@code properties.instanceView}. */
    static String of(JsonNode vm) {
        for (JsonNode status : vm.path("properties").path("instanceView").path("statuses")) {
            String code = status.path("code").asText("");
            if (code.startsWith("PowerState/")) {
                return code.substring("PowerState/".length());
            }
        }
        return UNKNOWN;
    }

    /** True for {@code deallocating}, {@code starting}, {@code stopping}: an operation is still running. */
    static boolean isTransitional(String powerState) {
        return powerState.endsWith("ing") && !RUNNING.equals(powerState);
    }

    /** True for a VM that runs or is starting, so it ran before the rotation and must run after it. */
    static boolean isRunning(String powerState) {
        return RUNNING.equals(powerState) || "starting".equals(powerState);
    }
}
