package io.cvmkeys.emulator;

/**
 * Token-bucket limits that ARM applies per subscription, one bucket for reads (GET, HEAD) and one for writes.
 *
 * @param enabled whether the emulator throttles at all
 * @param readCapacity reads a full bucket allows at once
 * @param readRefillPerSecond reads added back each second
 * @param writeCapacity writes a full bucket allows at once
 * @param writeRefillPerSecond writes added back each second
 */
public record Throttling(boolean enabled, int readCapacity, double readRefillPerSecond, int writeCapacity,
                         double writeRefillPerSecond) {

    public Throttling {
        if (readCapacity < 1 || writeCapacity < 1 || readRefillPerSecond <= 0 || writeRefillPerSecond <= 0) {
            throw new IllegalArgumentException("Throttling capacities must be at least 1 and refill rates above 0, got "
                + "reads " + readCapacity + " at " + readRefillPerSecond + "/s and writes " + writeCapacity + " at "
                + writeRefillPerSecond + "/s.");
        }
    }

    /** Returns ARM's documented defaults: reads 250 refilled at 25 per second, writes 200 refilled at 10 per second. */
    public static Throttling armDefaults() {
        return new Throttling(true, 250, 25, 200, 10);
    }

    /** Returns limits that never throttle. */
    public static Throttling disabled() {
        return new Throttling(false, 250, 25, 200, 10);
    }
}
