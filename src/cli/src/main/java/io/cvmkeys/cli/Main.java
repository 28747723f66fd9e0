package io.cvmkeys.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar cvmkeys-cli-all.jar <command>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return new CommandLine(new CvmkeysCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }
}
