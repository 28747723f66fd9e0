package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;

/**
 * A finding that a suppression covers: kept in the report so reviewers see what was accepted and why.
 *
 * @param finding     the finding as the rule reported it
 * @param suppression the suppression that covers it
 */
public record SuppressedFinding(Finding finding, Suppression suppression) {

    public String reason() {
        return suppression.reason();
    }

    /** Formats the finding as one line followed by {@code (suppressed: <reason>)}. */
    public String toLine() {
        return finding.toLine() + " (suppressed: " + suppression.reason() + ")";
    }
}
