package io.cvmkeys.cli;

import picocli.CommandLine;

/** Entry point of the runnable jar: {@code java -jar cvmkeys-cli-all.jar <command>}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        System.exit(run(args));
    }

    /**
     * Keeps the output to what the commands print: azure-identity logs its own error before the engine reports a
     * missing sign-in in one line, and the embedded emulator logs every request. An explicit setting wins.
     */
    private static void quietLibraryLogs() {
        System.setProperty("org.slf4j.simpleLogger.log.com.azure",
                System.getProperty("org.slf4j.simpleLogger.log.com.azure", "off"));
        System.setProperty("org.slf4j.simpleLogger.log.io.cvmkeys.emulator.server",
                System.getProperty("org.slf4j.simpleLogger.log.io.cvmkeys.emulator.server", "warn"));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return new CommandLine(new CvmkeysCommand())
                .setExecutionExceptionHandler(new ErrorHandler())
                .execute(args);
    }
}
