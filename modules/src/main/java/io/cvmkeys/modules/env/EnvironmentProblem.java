package io.cvmkeys.modules.env;

/**
 * One problem in an environment file.
 *
 * @param path    JSON path of the value, for example {@code $.key.expiresOn}
 * @param message what is wrong, naming the value found
 * @param fix     what to write instead
 */
public record EnvironmentProblem(String path, String message, String fix) {

    /** Formats the problem as one line: {@code $.key.size: 1024 is not allowed. Fix: use 3072 or 4096.} */
    public String toLine() {
        return path + ": " + message + " Fix: " + fix;
    }
}
