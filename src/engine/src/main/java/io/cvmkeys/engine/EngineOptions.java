package io.cvmkeys.engine;

import io.cvmkeys.dsl.stack.TemplateCheck;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Settings of the engine that do not change between runs.
 *
 * @param checks                     checks run on the synthesized stages; their errors block the deployment
 * @param hostPoolConfigurationFile  the environment's {@code hostPool.configurationFile}, resolved, or null for none
 * @param environmentVariables       reads the environment variables some parameters come from; null when unset
 * @param colour                     whether the What-If text sent to the progress listener has ANSI colours
 */
public record EngineOptions(List<TemplateCheck> checks, Path hostPoolConfigurationFile,
                            UnaryOperator<String> environmentVariables, boolean colour) {

    public EngineOptions {
        checks = List.copyOf(checks);
    }

    /** No checks, no host pool file, the process environment, and colours when standard output is a terminal. */
    public static EngineOptions defaults() {
        return new EngineOptions(List.of(), null, System::getenv, io.cvmkeys.engine.whatif.WhatIfText.colourSupported());
    }

    public EngineOptions withChecks(List<TemplateCheck> newChecks) {
        return new EngineOptions(newChecks, hostPoolConfigurationFile, environmentVariables, colour);
    }

    public EngineOptions withHostPoolConfigurationFile(Path file) {
        return new EngineOptions(checks, file, environmentVariables, colour);
    }

    public EngineOptions withEnvironmentVariables(UnaryOperator<String> variables) {
        return new EngineOptions(checks, hostPoolConfigurationFile, variables, colour);
    }

    public EngineOptions withColour(boolean enabled) {
        return new EngineOptions(checks, hostPoolConfigurationFile, environmentVariables, enabled);
    }
}
