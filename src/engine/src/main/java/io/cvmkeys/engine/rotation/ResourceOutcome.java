package io.cvmkeys.engine.rotation;

/**
 * The final state of one resource after a rotation or its rollback.
 *
 * @param id     the ARM id
 * @param kind   {@code virtualMachine}, {@code sessionHost}, {@code disk} or {@code diskEncryptionSet}
 * @param before state before the rotation, for example {@code running} or {@code allowNewSession=true}
 * @param after  state at the end, as last read from ARM
 * @param next   what an operator does next, or {@code nothing} when the resource is as it was
 */
public record ResourceOutcome(String id, String kind, String before, String after, String next) {
}
