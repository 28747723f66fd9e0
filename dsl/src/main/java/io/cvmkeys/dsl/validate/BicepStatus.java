package io.cvmkeys.dsl.validate;

/** Outcome of one Bicep CLI call. Only {@link #SUCCEEDED} means that the check ran and passed. */
public enum BicepStatus {
    /** The CLI ran and exited with code 0. Warnings may still be among the findings. */
    SUCCEEDED,
    /** The CLI ran and exited with a non-zero code, or could not be started. */
    FAILED,
    /** The CLI did not finish within the timeout and was stopped. */
    TIMED_OUT,
    /** No Bicep CLI was found, so nothing was checked. */
    NOT_AVAILABLE
}
