package io.cvmkeys.engine.rotation;

import java.time.Duration;

/**
 * Settings of a rotation.
 *
 * @param drainTimeout          how long to wait for user sessions to end after draining
 * @param forceLogoff           log users off ({@code DELETE ...?force=true}) when sessions remain after the timeout;
 *                              without it the rotation rolls back
 * @param operationTimeout      how long to wait for all VMs to deallocate or start, and for the set update
 * @param expectedDeallocate    estimate of a VM deallocation, for the plan until one is observed
 * @param expectedStart         estimate of a VM start, for the plan until one is observed
 * @param expectedSetUpdate     estimate of the Disk Encryption Set update
 * @param minPollInterval       shortest wait between two polls
 * @param maxPollInterval       longest wait between two polls
 * @param pollFraction          the wait between polls as a fraction of the time already spent waiting, so a wait
 *                              overshoots its end by at most this fraction (plus {@code minPollInterval})
 */
public record RotationOptions(Duration drainTimeout, boolean forceLogoff, Duration operationTimeout,
                              Duration expectedDeallocate, Duration expectedStart, Duration expectedSetUpdate,
                              Duration minPollInterval, Duration maxPollInterval, double pollFraction) {

    public RotationOptions {
        if (drainTimeout.isNegative()) {
            throw new RotationInputException("The drain timeout must not be negative, got " + drainTimeout + ".");
        }
        if (pollFraction <= 0 || pollFraction > 1) {
            throw new RotationInputException("The poll fraction must be in (0, 1], got " + pollFraction + ".");
        }
    }

    /**
     * Defaults: 30 minutes to drain, no forced logoff, 30 minutes per wait, polls every 2% of the time waited,
     * between 1 and 15 seconds. The expected durations are estimates, replaced by observed ones as VMs change state.
     */
    public static RotationOptions defaults() {
        return new RotationOptions(Duration.ofMinutes(30), false, Duration.ofMinutes(30), Duration.ofMinutes(2),
                Duration.ofMinutes(3), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(15), 0.02);
    }

    public RotationOptions withDrainTimeout(Duration timeout) {
        return new RotationOptions(timeout, forceLogoff, operationTimeout, expectedDeallocate, expectedStart,
                expectedSetUpdate, minPollInterval, maxPollInterval, pollFraction);
    }

    public RotationOptions withForceLogoff(boolean force) {
        return new RotationOptions(drainTimeout, force, operationTimeout, expectedDeallocate, expectedStart,
                expectedSetUpdate, minPollInterval, maxPollInterval, pollFraction);
    }

    public RotationOptions withExpectedDurations(Duration deallocate, Duration start, Duration setUpdate) {
        return new RotationOptions(drainTimeout, forceLogoff, operationTimeout, deallocate, start, setUpdate,
                minPollInterval, maxPollInterval, pollFraction);
    }
}
