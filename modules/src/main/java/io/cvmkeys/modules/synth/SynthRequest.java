package io.cvmkeys.modules.synth;

import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.modules.StackDefinition;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Request to synthesize one environment of a stack into a folder.
 *
 * @param environmentDirectory folder of the environment files, for example {@code env}
 * @param environment          the environment name, for example {@code prd}
 * @param outputRoot           folder under which {@code <environment>/} is written, for example {@code generated}
 * @param stackDefinition      the stack to build
 * @param checks               checks run on every stage before anything is written
 * @param clock                today's date for the environment rules
 */
public record SynthRequest(Path environmentDirectory, String environment, Path outputRoot, StackDefinition stackDefinition,
                           List<TemplateCheck> checks, Clock clock) {

    public SynthRequest {
        checks = List.copyOf(checks);
    }

    public Path outputDirectory() {
        return outputRoot.resolve(environment);
    }
}
