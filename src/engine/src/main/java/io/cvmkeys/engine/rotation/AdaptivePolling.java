package io.cvmkeys.engine.rotation;

import java.time.Duration;

/**
 * The wait between two polls of one wait: a fraction of the time already waited, between a minimum and a maximum.
 * Early polls catch fast transitions, later ones thin out, and the poll that detects the end comes at most that
 * fraction after it (or the minimum, whichever is longer).
 */
final class AdaptivePolling {

    private final Duration min;
    private final Duration max;
    private final double fraction;

    AdaptivePolling(RotationOptions options) {
        this.min = options.minPollInterval();
        this.max = options.maxPollInterval();
        this.fraction = options.pollFraction();
    }

    Duration next(Duration waited) {
        Duration proportional = Duration.ofMillis((long) (waited.toMillis() * fraction));
        if (proportional.compareTo(min) < 0) {
            return min;
        }
        return proportional.compareTo(max) > 0 ? max : proportional;
    }
}
