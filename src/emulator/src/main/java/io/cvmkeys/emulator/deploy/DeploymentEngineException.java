package io.cvmkeys.emulator.deploy;

/** A template the engine cannot evaluate. {@code code} is the ARM error code, usually {@code InvalidTemplate}. */
public class DeploymentEngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public DeploymentEngineException(String code, String message) {
        super(message);
        this.code = code;
    }

    public DeploymentEngineException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
