package io.cvmkeys.emulator.arm;

/**
 * Error raised while evaluating an ARM template, with the ARM error code the REST layer puts in its error envelope
 * (for example {@code InvalidTemplate} or {@code ResourceNotFound}).
 */
public final class ArmExpressionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ArmExpressionException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** ARM error code, such as {@code InvalidTemplate}. */
    public String code() {
        return code;
    }

    static ArmExpressionException invalidTemplate(String message) {
        return new ArmExpressionException("InvalidTemplate", message);
    }
}
