package io.cvmkeys.dsl.resources;

import java.util.Objects;

/**
 * One entry of a rotation policy's {@code lifetimeActions}: the action and its trigger. Exactly one of the two
 * trigger times is set; {@code timeAfterCreate} applies to rotate only.
 *
 * @param type             notify or rotate
 * @param timeAfterCreate  ISO 8601 duration after the version was created, or null
 * @param timeBeforeExpiry ISO 8601 duration before the version expires, or null
 */
public record LifetimeAction(KeyRotationActionType type, String timeAfterCreate, String timeBeforeExpiry) {

    public LifetimeAction {
        Objects.requireNonNull(type, "type");
    }

    /** Sends a KeyNearExpiry event {@code timeBeforeExpiry} before the version expires. */
    public static LifetimeAction notifyBeforeExpiry(String timeBeforeExpiry) {
        return new LifetimeAction(KeyRotationActionType.NOTIFY, null, timeBeforeExpiry);
    }

    public static LifetimeAction rotateAfterCreate(String timeAfterCreate) {
        return new LifetimeAction(KeyRotationActionType.ROTATE, timeAfterCreate, null);
    }

    public static LifetimeAction rotateBeforeExpiry(String timeBeforeExpiry) {
        return new LifetimeAction(KeyRotationActionType.ROTATE, null, timeBeforeExpiry);
    }
}
