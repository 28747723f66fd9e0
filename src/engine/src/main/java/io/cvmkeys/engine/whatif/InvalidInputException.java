package io.cvmkeys.engine.whatif;

/** A stage cannot be sent to ARM because an input is missing or invalid; the message names it and the fix. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}
