package io.cvmkeys.dsl.assertions;

/**
 * One place where a template value differs from what a matcher expects.
 *
 * @param path        where, relative to the matched node, for example {@code properties.enablePurgeProtection}
 * @param expectation what was expected, phrased to follow "to", for example {@code be true}
 * @param actual      what was found, as JSON, or {@code absent}
 */
public record Mismatch(String path, String expectation, String actual) {

    /** Formats the mismatch as {@code expected <path> to <expectation> but was <actual>}. */
    public String describe() {
        return "expected " + (path.isEmpty() ? "value" : path) + " to " + expectation + " but was " + actual;
    }
}
