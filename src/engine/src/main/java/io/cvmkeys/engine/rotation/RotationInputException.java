package io.cvmkeys.engine.rotation;

/** Invalid input for a rotation: a missing resource, a journal that does not fit, an option out of range. */
public final class RotationInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RotationInputException(String message) {
        super(message);
    }
}
