package io.cvmkeys.engine.whatif;

import java.util.Arrays;

/** ARM's What-If {@code changeType} of a resource, with the symbol the az CLI prints for it. */
public enum ChangeType {

    CREATE("Create", "+", "to create"),
    DELETE("Delete", "-", "to delete"),
    MODIFY("Modify", "~", "to modify"),
    DEPLOY("Deploy", "!", "to deploy"),
    NO_CHANGE("NoChange", "=", "no change"),
    IGNORE("Ignore", "*", "to ignore"),
    UNSUPPORTED("Unsupported", "x", "unsupported");

    private final String armName;
    private final String symbol;
    private final String summaryLabel;

    ChangeType(String armName, String symbol, String summaryLabel) {
        this.armName = armName;
        this.symbol = symbol;
        this.summaryLabel = summaryLabel;
    }

    /** Returns the name in ARM's JSON, for example {@code NoChange}. */
    public String armName() {
        return armName;
    }

    public String symbol() {
        return symbol;
    }

    /** Words after the count in the summary line, for example {@code to create}. */
    public String summaryLabel() {
        return summaryLabel;
    }

    /** Parses ARM's name case-insensitively. */
    public static ChangeType fromArm(String name) {
        return Arrays.stream(values()).filter(type -> type.armName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown What-If changeType '" + name
                        + "'; expected one of Create, Delete, Modify, Deploy, NoChange, Ignore, Unsupported."));
    }
}
