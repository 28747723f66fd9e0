package io.cvmkeys.modules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The sample project's environment files and the date the tests check them against. */
public final class SampleEnvironments {

    public static final Path DIRECTORY = Path.of("../samples/avd-cmk/env");
    public static final Path PRD = DIRECTORY.resolve("prd.json");
    public static final Path DEV = DIRECTORY.resolve("dev.yaml");

    /** A fixed today, so date rules give the same result on any day the tests run. */
    public static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private SampleEnvironments() {
    }
}
