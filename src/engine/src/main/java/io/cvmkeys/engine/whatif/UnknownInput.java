package io.cvmkeys.engine.whatif;

/**
 * A stage parameter wired from an output of an earlier stage that is not deployed yet, so What-If cannot know it.
 *
 * @param placeholder the marked value passed to ARM because the parameter has no default, or null when none was
 *                    passed
 */
public record UnknownInput(String parameter, String fromStage, String output, String placeholder) {

    private static final String PLACEHOLDER_PREFIX = "cvmkeys-unknown-until-deployed:";

    /** Returns the marked value for a parameter whose real value is only known after {@code fromStage} is deployed. */
    public static String placeholderFor(String fromStage, String output) {
        // Not starting with '[' so that ARM does not read it as an expression.
        return PLACEHOLDER_PREFIX + fromStage + "." + output;
    }

    /** Returns whether {@code value} contains a placeholder made by {@link #placeholderFor}. */
    public static boolean containsPlaceholder(String value) {
        return value.contains(PLACEHOLDER_PREFIX);
    }
}
