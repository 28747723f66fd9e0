package io.cvmkeys.engine.rotation;

import io.cvmkeys.engine.azure.ArmOperationException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deallocates or starts a set of VMs and waits until every one reached the target power state. All requests go out
 * first. Then each poll reads the power states of the whole subscription in one list, so there is no per-VM polling
 * loop. A VM that falls back to its old state after its operation was accepted failed; a failed start is sent again
 * up to {@link #MAX_ATTEMPTS} times.
 */
final class PowerTransitions {

    static final int MAX_ATTEMPTS = 3;

    private final RotationArm arm;
    private final PowerStateReader powerStates;
    private final RotationClock clock;
    private final RotationOptions options;

    /** Maximum time a VM took to reach the target state in this run, by action. */
    private final Map<String, Duration> observed = new HashMap<>();

    PowerTransitions(RotationArm arm, PowerStateReader powerStates, RotationClock clock, RotationOptions options) {
        this.arm = arm;
        this.powerStates = powerStates;
        this.clock = clock;
        this.options = options;
    }

    /**
     * Brings every VM to {@code target} ({@code deallocated} or {@code running}) and returns when all are there.
     *
     * @param progress receives the number of VMs in the target state after each poll
     * @throws RotationFailedException when a VM fails to get there or the operation timeout passes
     */
    void bringTo(List<String> vmIds, String target, int maxAttempts, Consumer<Integer> progress) {
        String action = PowerState.DEALLOCATED.equals(target) ? "deallocate" : "start";
        String transitional = PowerState.DEALLOCATED.equals(target) ? "deallocating" : "starting";
        Map<String, Instant> requestedAt = new HashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        Set<String> seenTransitioning = new HashSet<>();
        Set<String> arrived = new HashSet<>();
        Instant waitStarted = clock.now();
        AdaptivePolling polling = new AdaptivePolling(options);

        while (true) {
            Map<String, String> states = powerStates.read();
            Instant now = clock.now();
            for (String vmId : vmIds) {
                String state = states.getOrDefault(RotationDiscovery.lower(vmId), PowerState.UNKNOWN);
                if (state.equals(target)) {
                    if (arrived.add(vmId) && requestedAt.containsKey(vmId)) {
                        observed.merge(action, Duration.between(requestedAt.get(vmId), now), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                    continue;
                }
                if (state.equals(transitional)) {
                    seenTransitioning.add(vmId);
                    continue;
                }
                if (PowerState.isTransitional(state)) {
                    continue;
                }
                boolean failedAfterAccept = requestedAt.containsKey(vmId) && (seenTransitioning.contains(vmId)
                        || Duration.between(requestedAt.get(vmId), now).compareTo(grace(action)) > 0);
                if (requestedAt.containsKey(vmId) && !failedAfterAccept) {
                    continue;
                }
                int attempt = attempts.merge(vmId, 1, Integer::sum);
                if (attempt > maxAttempts) {
                    throw new RotationFailedException("VM '" + vmId + "' did not reach PowerState/" + target + " after "
                            + maxAttempts + " " + action + " request(s); it is " + state + ".");
                }
                try {
                    arm.post(vmId + "/" + action, RotationArm.COMPUTE_API);
                    requestedAt.put(vmId, now);
                    seenTransitioning.remove(vmId);
                } catch (ArmOperationException e) {
                    if (attempt >= maxAttempts) {
                        throw new RotationFailedException("Failed to " + action + " VM '" + vmId + "': " + e.code()
                                + ": " + e.armMessage(), e);
                    }
                    requestedAt.remove(vmId);
                }
            }
            progress.accept(arrived.size());
            if (arrived.size() == vmIds.size()) {
                return;
            }
            Duration waited = Duration.between(waitStarted, clock.now());
            if (waited.compareTo(options.operationTimeout()) > 0) {
                throw new RotationFailedException((vmIds.size() - arrived.size()) + " VM(s) did not reach PowerState/"
                        + target + " within " + options.operationTimeout() + ".");
            }
            clock.sleep(polling.next(waited));
        }
    }

    /** Returns how long a VM may still show its old state after the request before the request counts as failed. */
    private Duration grace(String action) {
        return expected(action).multipliedBy(2);
    }

    /** Returns the observed duration of {@code action} in this run, or the configured estimate before any was observed. */
    Duration expected(String action) {
        Duration configured = "deallocate".equals(action) ? options.expectedDeallocate() : options.expectedStart();
        return observed.getOrDefault(action, configured);
    }
}
