package io.cvmkeys.dsl.write;

/** Name and version written into generated files, so a reviewer knows what produced them. */
public final class Generator {

    public static final String NAME = "cvmkeys";

    // Fixed, not read from the jar manifest, so output is identical whether run from a jar or from classes.
    public static final String VERSION = "0.1.0";

    private Generator() {
    }
}
