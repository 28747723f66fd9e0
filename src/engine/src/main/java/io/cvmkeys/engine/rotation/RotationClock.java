package io.cvmkeys.engine.rotation;

import java.time.Duration;
import java.time.Instant;

/** The time source of a rotation's waits, so tests and the benchmark run it in simulated time. */
public interface RotationClock {

    Instant now();

    /** Waits {@code duration}; a simulated clock advances instead. */
    void sleep(Duration duration);

    /** Real time: {@link Thread#sleep}. */
    static RotationClock system() {
        return new RotationClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration duration) {
                try {
                    Thread.sleep(duration.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RotationFailedException("Interrupted while waiting", e);
                }
            }
        };
    }
}
