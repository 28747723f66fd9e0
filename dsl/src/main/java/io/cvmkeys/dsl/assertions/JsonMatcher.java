package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Tests a JSON value of a template; {@link Match} creates the usual ones. */
public interface JsonMatcher {

    /**
     * Returns every difference between {@code actual} and what this matcher expects, or an empty list when it matches.
     *
     * @param actual the value, or null when the property is absent
     * @param path   the path of {@code actual}, used in the returned mismatches
     */
    List<Mismatch> mismatches(JsonNode actual, String path);

    /** Returns what the matcher expects, phrased to follow "to", for example {@code be true}. */
    String expectation();

    /** Returns true when {@code actual} (null when absent) matches. */
    default boolean matches(JsonNode actual) {
        return mismatches(actual, "").isEmpty();
    }
}
