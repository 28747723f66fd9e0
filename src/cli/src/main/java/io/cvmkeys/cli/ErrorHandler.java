package io.cvmkeys.cli;

import io.cvmkeys.dsl.model.InvalidModelException;
import io.cvmkeys.dsl.stack.SynthesisFailedException;
import io.cvmkeys.engine.rotation.RotationInputException;
import io.cvmkeys.modules.env.InvalidEnvironmentException;
import picocli.CommandLine;

/**
 * Turns the exceptions a user can cause into a message and an exit code, without a stack trace. Any other
 * exception is a bug, so it keeps its trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (exception instanceof InvalidEnvironmentException || exception instanceof InvalidModelException
                || exception instanceof IllegalArgumentException || exception instanceof RotationInputException) {
            commandLine.getErr().println("error: " + exception.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (exception instanceof SynthesisFailedException) {
            commandLine.getErr().println("error: " + exception.getMessage());
            return ExitCodes.FAILED;
        }
        exception.printStackTrace(commandLine.getErr());
        return ExitCodes.FAILED;
    }
}
