package io.cvmkeys.modules.synth;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.StackSynthesizer;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.dsl.stack.SynthesisWriter;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;

import java.nio.file.Path;

/**
 * Loads and checks an environment, builds the stack, runs the checks and writes {@code <output>/<environment>/}.
 * An invalid environment or an error finding stops it before any file is written.
 */
public final class SynthService {

    /** Result of a run: the environment file, the stack, the synthesis and the files written. */
    public record Outcome(Path environmentFile, Stack stack, Synthesis synthesis, SynthesisWriter.Result files) {
    }

    /**
     * @throws io.cvmkeys.modules.env.InvalidEnvironmentException     when the environment file is invalid
     * @throws io.cvmkeys.dsl.stack.SynthesisFailedException          when a check reports an error
     * @throws io.cvmkeys.dsl.model.InvalidModelException             when the stack breaks a build rule
     */
    public Outcome run(SynthRequest request) {
        Path environmentFile = EnvironmentLoader.find(request.environmentDirectory(), request.environment());
        Environment environment = new EnvironmentLoader(request.clock()).load(environmentFile);
        if (!environment.name().equals(request.environment())) {
            throw new IllegalArgumentException("Environment file " + environmentFile + " declares name '" + environment.name()
                    + "', not '" + request.environment() + "'. Make the file name and its \"name\" field match.");
        }
        Stack stack = request.stackDefinition().build(environment);
        Synthesis synthesis = new StackSynthesizer(request.checks()).synthesize(stack);
        SynthesisWriter.Result files = new SynthesisWriter().write(synthesis, request.outputDirectory());
        return new Outcome(environmentFile, stack, synthesis, files);
    }
}
