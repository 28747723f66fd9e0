package io.cvmkeys.emulator.server;

import io.cvmkeys.emulator.Throttling;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ARM's per-subscription throttling: one bucket for reads and one for writes. A rejected request takes no token,
 * so a retry before {@code Retry-After} has passed is rejected again.
 */
public final class Throttler {
    private final Throttling limits;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new HashMap<>();

    public Throttler(Throttling limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Takes a token for the request, returning the {@code x-ms-ratelimit-remaining-subscription-*} header to send, or
     * raises 429 {@code TooManyRequests} with {@code Retry-After} in whole seconds.
     */
    public synchronized Map.Entry<String, String> admit(String subscriptionId, boolean read) {
        if (!limits.enabled() || subscriptionId == null) {
            return null;
        }
        String kind = read ? "reads" : "writes";
        TokenBucket bucket = buckets.computeIfAbsent(subscriptionId.toLowerCase(Locale.ROOT) + "/" + kind,
            key -> read
                ? new TokenBucket(limits.readCapacity(), limits.readRefillPerSecond(), clock.instant())
                : new TokenBucket(limits.writeCapacity(), limits.writeRefillPerSecond(), clock.instant()));

        Duration wait = bucket.tryTake(clock.instant());
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new ArmException(429, "TooManyRequests", "The request is throttled: subscription '"
                + subscriptionId + "' has used its " + kind + " allowance. Retry after " + seconds + " seconds.")
                .withHeader("Retry-After", Long.toString(seconds))
                .withHeader("x-ms-ratelimit-remaining-subscription-" + kind, "0");
        }
        return Map.entry("x-ms-ratelimit-remaining-subscription-" + kind, Integer.toString(bucket.remaining()));
    }
}
