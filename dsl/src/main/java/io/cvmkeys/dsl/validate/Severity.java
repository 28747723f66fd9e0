package io.cvmkeys.dsl.validate;

/** Level of a finding, most serious first, so that ordinal order is also report order. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Returns true when this level is at least as serious as {@code other}. */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Lower-case label used in reports and in the JSON output, for example {@code error}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
