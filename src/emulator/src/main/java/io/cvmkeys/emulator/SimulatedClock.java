package io.cvmkeys.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that does not move until a test advances it.
 *
 * <p>The emulator reads time only through its {@link Clock}, so long-running operations, VM power transitions and
 * throttling buckets move exactly when a test calls {@link #advance(Duration)}. Safe for use from several threads.
 */
public final class SimulatedClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** Creates a clock that reads {@code start} until it is advanced. */
    public static SimulatedClock startingAt(Instant start) {
        return new SimulatedClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
    }

    /** Moves the clock forward. A negative duration is rejected because ARM time never runs backwards. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Cannot advance the simulated clock by " + duration
                + ": the duration must be zero or positive.");
        }
        return now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new SimulatedClock(now, newZone);
    }
}
