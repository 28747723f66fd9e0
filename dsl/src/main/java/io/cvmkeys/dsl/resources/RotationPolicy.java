package io.cvmkeys.dsl.resources;

import java.util.List;
import java.util.Objects;

/**
 * A key rotation policy. {@code expiryTime} sets the expiry of versions that a rotation creates; the first
 * version's expiry is the key's {@code attributes.exp}.
 *
 * @param expiryTime      ISO 8601 duration, at least {@code P28D}
 * @param lifetimeActions at least one action
 */
public record RotationPolicy(String expiryTime, List<LifetimeAction> lifetimeActions) {

    public RotationPolicy {
        Objects.requireNonNull(expiryTime, "expiryTime");
        lifetimeActions = List.copyOf(lifetimeActions);
    }

    /** The policy Confidential VM keys need: versions expire after {@code expiryTime}, notify only. */
    public static RotationPolicy notifyOnly(String expiryTime, String notifyBeforeExpiry) {
        return new RotationPolicy(expiryTime, List.of(LifetimeAction.notifyBeforeExpiry(notifyBeforeExpiry)));
    }
}
