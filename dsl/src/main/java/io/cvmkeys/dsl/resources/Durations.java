package io.cvmkeys.dsl.resources;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/** ISO 8601 durations as Key Vault rotation policies use them ({@code P1Y}, {@code P30D}, {@code P3M}). */
final class Durations {

    private Durations() {
    }

    /**
     * Returns the length in days, counting a year as 365 and a month as 30 days, or empty when the text is not a
     * date-based ISO 8601 duration. The approximation only matters for limits near a month boundary.
     */
    static OptionalLong days(String duration) {
        if (duration == null) {
            return OptionalLong.empty();
        }
        try {
            Period period = Period.parse(duration);
            return OptionalLong.of(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
    }
}
