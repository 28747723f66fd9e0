package io.cvmkeys.dsl.resources;

import java.util.Locale;

/**
 * What a rotation policy does at its trigger. ARM's schema spells the values in lower case while the service
 * returns {@code Rotate}/{@code Notify}, so parsing ignores case and writing uses the schema's spelling.
 */
public enum KeyRotationActionType {
    ROTATE,
    NOTIFY;

    /** The spelling of ARM's schema: {@code rotate} or {@code notify}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code rotate}/{@code Rotate}/{@code notify}/{@code Notify}. */
    public static KeyRotationActionType parse(String value) {
        for (KeyRotationActionType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Rotation action '" + value + "' is not valid. Use notify or rotate.");
    }
}
