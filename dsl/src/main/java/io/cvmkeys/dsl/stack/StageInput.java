package io.cvmkeys.dsl.stack;

/**
 * A parameter of a stage whose value is an output of an earlier stage, for example the DES stage's
 * {@code keyUriWithVersion} taken from the vault stage's output of the same name.
 */
public record StageInput(String parameter, String fromStage, String output) {
}
