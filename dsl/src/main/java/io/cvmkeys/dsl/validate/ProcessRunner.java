package io.cvmkeys.dsl.validate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one external command with a timeout and collects its output. */
final class ProcessRunner {

    /** Time given to the output readers after the process has ended or was stopped. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Outcome of a run.
     *
     * @param exitCode   the exit code, or -1 when the process timed out or could not start
     * @param timedOut   true when the process was stopped at the timeout
     * @param startError why the process could not start, or null
     */
    record Outcome(int exitCode, boolean timedOut, String stdout, String stderr, String startError) {
    }

    private ProcessRunner() {
    }

    static Outcome run(List<String> command, Map<String, String> environment, Path workingDirectory, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(-1, false, "", "", e.getMessage());
        }

        // Each stream gets its own thread, so that a full pipe buffer cannot block the process and the blocking
        // reads do not occupy threads of the shared common pool.
        CompletableFuture<String> stdout = readInBackground(process.getInputStream(), command.get(0) + " stdout");
        CompletableFuture<String> stderr = readInBackground(process.getErrorStream(), command.get(0) + " stderr");

        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return new Outcome(-1, false, "", "", "interrupted while waiting for " + command.get(0));
        }
        if (!finished) {
            stop(process);
        }
        return new Outcome(finished ? process.exitValue() : -1, !finished, drain(stdout), drain(stderr), null);
    }

    /**
     * Stops the process and its children, for example the program that a wrapper script started. The children
     * are listed first but stopped after the parent: once the parent is gone they can no longer be listed, and
     * stopping them first would let the parent run on for a moment.
     */
    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String drain(CompletableFuture<String> output) {
        try {
            return output.get(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            output.cancel(true);
            return "";
        }
    }

    private static CompletableFuture<String> readInBackground(InputStream stream, String name) {
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                output.complete(readAll(stream));
            } catch (RuntimeException e) {
                output.completeExceptionally(e);
            }
        }, "read " + name);
        reader.setDaemon(true);
        reader.start();
        return output;
    }

    private static String readAll(InputStream stream) {
        try (InputStream in = stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
