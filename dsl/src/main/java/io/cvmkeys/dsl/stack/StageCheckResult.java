package io.cvmkeys.dsl.stack;

/** The result of one check on one stage. */
public record StageCheckResult(String stage, CheckResult result) {
}
