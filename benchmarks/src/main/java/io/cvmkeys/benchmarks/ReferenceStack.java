package io.cvmkeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.write.ArmParametersWriter;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.stack.CmkStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The reference environment {@code samples/avd-cmk/env/prd.json} and the stack built from it. */
final class ReferenceStack {

    /** System property that names the environment file. The default path is relative to the repository root. */
    static final String ENVIRONMENT_PROPERTY = "cvmkeys.benchmarks.environment";

    static final String DEFAULT_ENVIRONMENT = "samples/avd-cmk/env/prd.json";

    /**
     * A fixed today, the one the module tests use, so the key expiry rules accept the reference environment on any
     * day. Loading is not measured, so the date changes no score.
     */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);

    private ReferenceStack() {
    }

    /**
     * Loads and validates the reference environment.
     *
     * @throws IllegalStateException when the environment file does not exist
     */
    static Environment loadEnvironment() {
        Path file = Path.of(System.getProperty(ENVIRONMENT_PROPERTY, DEFAULT_ENVIRONMENT)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Environment file not found: " + file + ". Run the benchmarks from the"
                    + " repository root, or set -D" + ENVIRONMENT_PROPERTY + "=PATH to the reference environment "
                    + DEFAULT_ENVIRONMENT + ".");
        }
        return new EnvironmentLoader(TODAY).load(file);
    }

    /** Builds the stack for the reference environment. */
    static Stack build() {
        return CmkStack.build(loadEnvironment());
    }

    /** Returns each stage's ARM JSON template, in stage order. */
    static List<JsonNode> armTemplates(Stack stack) {
        ArmTemplateWriter writer = new ArmTemplateWriter();
        return stack.stages().stream().map(stage -> (JsonNode) writer.toJson(stage.template())).toList();
    }

    /** Returns each stage's ARM parameter file, in stage order, as synthesis writes it. */
    static List<JsonNode> armParameterFiles(Stack stack) {
        ArmParametersWriter writer = new ArmParametersWriter();
        return stack.stages().stream()
                .map(stage -> (JsonNode) writer.toJson(stage.template(), stage.parameterValues()))
                .toList();
    }
}
