package io.cvmkeys.engine;

/** Receives one line per step: each stage's What-If and deployment, and each wait on a long-running operation. */
@FunctionalInterface
public interface ProgressListener {

    void progress(String line);

    static ProgressListener silent() {
        return line -> {
        };
    }
}
