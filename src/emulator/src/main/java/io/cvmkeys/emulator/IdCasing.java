package io.cvmkeys.emulator;

import java.util.Locale;

/**
 * The letter case of resource ids in the emulator's responses.
 *
 * <p>ARM ids are case-insensitive, and ARM returns them in varying case: some resource providers return
 * {@code resourcegroups} for {@code resourceGroups} or upper-case resource group names. Clients must compare ids
 * case-insensitively, and the default {@link #ARM_MIXED} makes tests notice when they do not.
 */
public enum IdCasing {
    /** Returns ids exactly as they were first written. */
    AS_SENT,

    /**
     * Returns {@code resourcegroups} in lower case, the resource group name in upper case and provider namespaces
     * in lower case. Resource names keep their case. The mapping is deterministic.
     */
    ARM_MIXED;

    /** Applies this casing to a string that starts with {@code /subscriptions/}. Other strings come back as they are. */
    public String apply(String value) {
        if (this == AS_SENT || !value.regionMatches(true, 0, "/subscriptions/", 0, "/subscriptions/".length())) {
            return value;
        }

        String[] segments = value.split("/", -1);
        for (int i = 1; i < segments.length - 1; i++) {
            if (segments[i].equalsIgnoreCase("resourceGroups")) {
                segments[i] = "resourcegroups";
                segments[i + 1] = segments[i + 1].toUpperCase(Locale.ROOT);
            } else if (segments[i].equalsIgnoreCase("providers")) {
                segments[i + 1] = segments[i + 1].toLowerCase(Locale.ROOT);
            }
        }
        return String.join("/", segments);
    }
}
