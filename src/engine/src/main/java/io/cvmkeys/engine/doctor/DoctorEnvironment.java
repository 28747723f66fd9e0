package io.cvmkeys.engine.doctor;

import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Loads the environment file a doctor run checks against. */
public final class DoctorEnvironment {

    private DoctorEnvironment() {
    }

    /**
     * Loads and validates {@code <directory>/<name>.json}, {@code .yaml} or {@code .yml}.
     *
     * <p>The loader rejects a {@code key.expiresOn} that is past or near, because synth would create an expiring key.
     * The doctor reads the expiry from the live key instead, and must still run when that date is close, so the file
     * is validated as of the epoch.
     *
     * @throws io.cvmkeys.modules.env.InvalidEnvironmentException when the file breaks the environment rules
     * @throws IllegalArgumentException                           when no such file exists
     */
    public static Environment load(Path directory, String name) {
        Clock beforeAnyExpiry = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        return new EnvironmentLoader(beforeAnyExpiry).load(EnvironmentLoader.find(directory, name));
    }
}
