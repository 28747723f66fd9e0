package io.cvmkeys.engine.rotation;

/** A rotation step that failed; the rotation rolls back and reports the state of every resource. */
final class RotationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RotationFailedException(String message) {
        super(message);
    }

    RotationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
