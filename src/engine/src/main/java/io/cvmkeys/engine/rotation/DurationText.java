package io.cvmkeys.engine.rotation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as users type them on a command line or in plugin configuration: {@code 90s}, {@code 30m}, {@code 2h}, or ISO 8601 such as {@code PT30M}. */
public final class DurationText {

    private static final Pattern SHORT = Pattern.compile("(\\d+)([smh])");

    private DurationText() {
    }

    /**
     * Parses {@code value}.
     *
     * @param option the option's name for the error message, for example {@code --drain-timeout}
     */
    public static Duration parse(String option, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new RotationInputException("Invalid " + option + " '" + value + "'. Give a number with s, m or h,"
                    + " such as 30m, or an ISO 8601 duration such as PT30M.");
        }
    }
}
