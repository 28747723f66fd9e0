package io.cvmkeys.emulator.server;

import java.time.Duration;
import java.time.Instant;

/** A token bucket that refills continuously from the emulator's clock. Not thread-safe. The throttler locks it. */
final class TokenBucket {
    private final int capacity;
    private final double refillPerSecond;
    private double tokens;
    private Instant lastRefill;

    TokenBucket(int capacity, double refillPerSecond, Instant now) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Takes one token and returns {@link Duration#ZERO}, or returns how long until a token is available. */
    Duration tryTake(Instant now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double secondsToNextToken = (1 - tokens) / refillPerSecond;
        return Duration.ofNanos((long) Math.ceil(secondsToNextToken * 1_000_000_000d));
    }

    int remaining() {
        return (int) Math.floor(tokens);
    }

    private void refill(Instant now) {
        if (now.isAfter(lastRefill)) {
            double elapsedSeconds = Duration.between(lastRefill, now).toNanos() / 1_000_000_000d;
            tokens = Math.min(capacity, tokens + elapsedSeconds * refillPerSecond);
            lastRefill = now;
        }
    }
}
