package io.cvmkeys.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fault that the emulator injects into matching requests.
 *
 * <p>A fault matches on the HTTP method (or {@code *}) and either a regular expression that must find a match in
 * the request path, or an ARM operation name such as {@code VirtualMachines_Deallocate}. Build one with
 * {@link #onPath(String, String)} or {@link #onOperation(String)}, then choose what happens:
 * <pre>{@code
 * emulator.faults().add(Fault.onOperation("DiskEncryptionSets_Update").failOperation("KeyVaultAccessForbidden", "..."));
 * }</pre>
 */
public final class Fault {
    /** The effect on a matching request. */
    public enum Kind {
        /** The request fails with the given status and ARM error every time it matches. */
        FAIL,
        /** The first matching request fails, later ones succeed. */
        FAIL_ONCE,
        /** The response is sent after a real-time delay. */
        DELAY,
        /** The long-running operation is accepted as usual and ends {@code Failed} with the given error. */
        FAIL_OPERATION
    }

    private final String method;
    private final Pattern pathPattern;
    private final String operationName;
    private final Kind kind;
    private final int status;
    private final String code;
    private final String message;
    private final Duration delay;

    private Fault(String method, Pattern pathPattern, String operationName, Kind kind, int status, String code,
                  String message, Duration delay) {
        this.method = method;
        this.pathPattern = pathPattern;
        this.operationName = operationName;
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.message = message;
        this.delay = delay;
    }

    /** Starts a fault for requests whose method is {@code method} ({@code *} for any) and whose path matches {@code pathRegex}. */
    public static Matcher onPath(String method, String pathRegex) {
        return new Matcher(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), null);
    }

    /** Starts a fault for requests of one ARM operation, for example {@code VirtualMachines_Start}. */
    public static Matcher onOperation(String operationName) {
        return new Matcher("*", null, Objects.requireNonNull(operationName, "operationName"));
    }

    /** Returns whether this fault applies to a request. */
    public boolean matches(String requestMethod, String requestPath, String requestOperationName) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        if (operationName != null) {
            return operationName.equalsIgnoreCase(requestOperationName);
        }
        return pathPattern.matcher(requestPath).find();
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        String target = operationName != null ? "operation " + operationName : method + " " + pathPattern.pattern();
        return kind + " on " + target + (code != null ? " (" + status + " " + code + ")" : "")
            + (delay != null ? " (" + delay + ")" : "");
    }

    /** The request side of a fault. Each method returns the finished {@link Fault}. */
    public static final class Matcher {
        private final String method;
        private final Pattern pathPattern;
        private final String operationName;

        private Matcher(String method, Pattern pathPattern, String operationName) {
            this.method = method;
            this.pathPattern = pathPattern;
            this.operationName = operationName;
        }

        /** Fails every matching request with {@code status} and the ARM error {@code code}. */
        public Fault fail(int status, String code, String message) {
            return new Fault(method, pathPattern, operationName, Kind.FAIL, status, code, message, null);
        }

        /** Fails the first matching request, then lets the same request succeed. */
        public Fault failOnce(int status, String code, String message) {
            return new Fault(method, pathPattern, operationName, Kind.FAIL_ONCE, status, code, message, null);
        }

        /** Delays each matching response by {@code delay} of real time. */
        public Fault delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("The fault delay must not be negative, got " + delay + ".");
            }
            return new Fault(method, pathPattern, operationName, Kind.DELAY, 0, null, null, delay);
        }

        /**
         * Accepts the long-running operation, then ends it {@code Failed} with {@code code}. Requests that complete
         * synchronously ignore this fault.
         */
        public Fault failOperation(String code, String message) {
            return new Fault(method, pathPattern, operationName, Kind.FAIL_OPERATION, 400, code, message, null);
        }
    }
}
