package io.cvmkeys.dsl.resources;

import java.util.Optional;

/** Azure Monitor alert severity, from {@code Sev0} (critical) to {@code Sev4} (verbose). */
public enum AlertSeverity {
    SEV0, SEV1, SEV2, SEV3, SEV4;

    /** The spelling ARM expects, for example {@code Sev2}. */
    public String value() {
        return "Sev" + ordinal();
    }

    /** Parses {@code Sev0}..{@code Sev4}, ignoring case; empty for anything else. */
    public static Optional<AlertSeverity> parse(String value) {
        for (AlertSeverity severity : values()) {
            if (severity.value().equalsIgnoreCase(value)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
