package io.cvmkeys.engine.azure;

/**
 * An ARM operation that failed, with ARM's error code and message, for example a What-If that returned 200 with an
 * {@code error} body or a deployment that ended {@code Failed}.
 */
public final class ArmOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String code;
    private final String armMessage;

    /**
     * @param operation what failed, for example {@code What-If of stage 'vault'}
     * @param code      ARM's error code, for example {@code InvalidTemplate}
     * @param message   ARM's error message
     */
    public ArmOperationException(String operation, String code, String message) {
        super(operation + " failed: " + code + ": " + message);
        this.operation = operation;
        this.code = code;
        this.armMessage = message;
    }

    public String operation() {
        return operation;
    }

    /** ARM's error code. */
    public String code() {
        return code;
    }

    /** ARM's error message, without the operation in front. */
    public String armMessage() {
        return armMessage;
    }
}
