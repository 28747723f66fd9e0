package io.cvmkeys.engine.azure;

/**
 * No token could be had from the chosen credential source. The message is one line that names the source and how
 * to sign in, so callers print it without a stack trace.
 */
public final class SignInRequiredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CredentialSource source;

    public SignInRequiredException(CredentialSource source, String reason, Throwable cause) {
        super("No Azure credential from '" + source.cliName() + "': " + oneLine(reason) + ". To sign in, "
                + source.signInHint() + ".", cause);
        this.source = source;
    }

    public CredentialSource source() {
        return source;
    }

    /** Returns the first line of the SDK's message, without a trailing period, because the SDK's messages run long. */
    private static String oneLine(String reason) {
        String text = reason == null || reason.isBlank() ? "no token" : reason.strip();
        int newline = text.indexOf('\n');
        text = newline < 0 ? text : text.substring(0, newline).strip();
        // azure-identity appends a troubleshooting link without a space: "...not installed.To mitigate this issue, ..."
        int mitigation = text.indexOf("To mitigate");
        text = mitigation <= 0 ? text : text.substring(0, mitigation).strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
