package io.cvmkeys.engine.run;

import io.cvmkeys.dsl.stack.TemplateCheck;
import io.cvmkeys.modules.StackDefinition;

import java.nio.file.Path;
import java.util.List;

/**
 * One What-If or deployment run, as the CLI and the Maven goals describe it.
 *
 * @param environmentDirectory folder of the environment files
 * @param environment          environment name
 * @param stackDefinition      the stack to build
 * @param checks               checks run on the synthesized stages; errors block the deployment
 * @param projectDirectory     folder that receives {@code target/cvmkeys/<env>/} and {@code generated/<env>/}
 * @param target               {@code azure} or {@code emulator}
 * @param credential           credential source name for Azure ({@code default}, {@code azure-cli}, ...), or null
 * @param tenantId             tenant to sign in to, or null
 * @param emulatorState        state folder of the embedded emulator, or null for {@code target/cvmkeys-emulator}
 * @param approved             whether changes may be deployed
 * @param colour               whether What-If text has ANSI colours
 */
public record RunRequest(Path environmentDirectory, String environment, StackDefinition stackDefinition,
                         List<TemplateCheck> checks, Path projectDirectory, String target, String credential,
                         String tenantId, Path emulatorState, boolean approved, boolean colour) {

    public static final String TARGET_AZURE = "azure";
    public static final String TARGET_EMULATOR = "emulator";

    public RunRequest {
        checks = List.copyOf(checks);
        target = target == null ? TARGET_AZURE : target;
    }

    /** Returns the embedded emulator's state folder: the given one, or {@code target/cvmkeys-emulator} in the project. */
    public Path emulatorStateDirectory() {
        return emulatorState != null ? emulatorState : projectDirectory.resolve("target").resolve("cvmkeys-emulator");
    }
}
