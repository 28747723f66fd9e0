package io.cvmkeys.engine.whatif;

import java.util.Objects;

/** A property delta that ARM reports but that is not a real change, with the reason. */
public record Noise(PropertyChange change, NoiseReason reason) {

    public Noise {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(reason, "reason");
    }
}
