package io.cvmkeys.dsl.validate;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts ISO 8601 durations as Key Vault rotation policies use them ({@code P1Y}, {@code P30D}, {@code P3M},
 * {@code P2W}, {@code PT12H}) into days.
 *
 * <p>A year counts as 365 days and a month as 30 days. That is an estimate: it can be off by a day or two against
 * a calendar, which matters only for values within a day or two of a rule's limit.
 */
public final class Iso8601Durations {

    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?",
            Pattern.CASE_INSENSITIVE);

    private Iso8601Durations() {
    }

    /** Returns the duration in days, or empty when the text is not an ISO 8601 duration. */
    public static OptionalDouble toDays(String text) {
        if (text == null) {
            return OptionalDouble.empty();
        }
        String trimmed = text.trim();
        Matcher matcher = DURATION.matcher(trimmed);
        if (!matcher.matches() || trimmed.length() < 3 || trimmed.toUpperCase(java.util.Locale.ROOT).endsWith("T")) {
            return OptionalDouble.empty();
        }
        double days = number(matcher, 1) * 365 + number(matcher, 2) * 30 + number(matcher, 3) * 7 + number(matcher, 4)
                + number(matcher, 5) / 24 + number(matcher, 6) / 1440 + number(matcher, 7) / 86400;
        return OptionalDouble.of(days);
    }

    private static double number(Matcher matcher, int group) {
        String value = matcher.group(group);
        return value == null ? 0 : Double.parseDouble(value);
    }
}
