package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.stack.CmkStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test inputs: classpath JSON and the reference environment of the samples. */
public final class TestResources {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** The reference environment file, relative to the module directory Surefire runs in. */
    public static final Path PRD = Path.of("../../samples/avd-cmk/env/prd.json");

    private TestResources() {
    }

    public static JsonNode json(String resource) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference environment, loaded on a fixed date well before its key expires. */
    public static Environment prdEnvironment() {
        return new EnvironmentLoader(Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC)).load(PRD);
    }

    public static Stack prdStack() {
        return CmkStack.build(prdEnvironment());
    }
}
