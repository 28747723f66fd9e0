package io.cvmkeys.dsl.stack;

/** Thrown when a synthesized stack has error findings, so nothing is written. */
public class SynthesisFailedException extends RuntimeException {

    public SynthesisFailedException(String message) {
        super(message);
    }
}
