package io.cvmkeys.engine.whatif;

import java.util.Arrays;

/** ARM's What-If {@code propertyChangeType} of one property delta, with the az CLI symbol. */
public enum PropertyChangeType {

    CREATE("Create", "+"),
    DELETE("Delete", "-"),
    MODIFY("Modify", "~"),
    ARRAY("Array", "~"),
    NO_EFFECT("NoEffect", "x");

    private final String armName;
    private final String symbol;

    PropertyChangeType(String armName, String symbol) {
        this.armName = armName;
        this.symbol = symbol;
    }

    public String armName() {
        return armName;
    }

    public String symbol() {
        return symbol;
    }

    /** Parses ARM's name case-insensitively. */
    public static PropertyChangeType fromArm(String name) {
        return Arrays.stream(values()).filter(type -> type.armName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown What-If propertyChangeType '" + name
                        + "'; expected one of Create, Delete, Modify, Array, NoEffect."));
    }
}
