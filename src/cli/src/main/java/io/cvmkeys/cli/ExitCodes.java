package io.cvmkeys.cli;

/** Exit codes of every command, so pipelines can tell failure, bad input and pending approval apart. */
public final class ExitCodes {

    /** Done, or nothing to change. */
    public static final int OK = 0;
    /** A check found errors or an operation failed. */
    public static final int FAILED = 1;
    /** Invalid input: options, environment file, template. */
    public static final int INVALID_INPUT = 2;
    /** Changes are waiting for approval. */
    public static final int PENDING_APPROVAL = 3;

    private ExitCodes() {
    }
}
