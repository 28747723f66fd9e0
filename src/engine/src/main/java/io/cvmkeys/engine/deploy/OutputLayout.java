package io.cvmkeys.engine.deploy;

import java.nio.file.Path;

/**
 * Paths of the engine's files, relative to a project directory: the plan and the state file under
 * {@code target/cvmkeys/<env>/}, the outputs under {@code generated/<env>/}.
 */
public record OutputLayout(Path projectDirectory) {

    public Path planDirectory(String environment) {
        return projectDirectory.resolve("target").resolve("cvmkeys").resolve(environment);
    }

    public Path planJson(String environment) {
        return planDirectory(environment).resolve("plan.json");
    }

    public Path planMarkdown(String environment) {
        return planDirectory(environment).resolve("plan.md");
    }

    /** Completed stages and their outputs, so a re-run after a failure resumes at the failed stage. */
    public Path stateFile(String environment) {
        return planDirectory(environment).resolve("state.json");
    }

    public Path outputsFile(String environment) {
        return projectDirectory.resolve("generated").resolve(environment).resolve("outputs.json");
    }
}
