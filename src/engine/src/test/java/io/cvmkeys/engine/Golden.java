package io.cvmkeys.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares text with a golden file under {@code src/test/resources/golden}. Run with
 * {@code -Dcvmkeys.updateGolden=true} to rewrite the files after an intended change, then review the diff.
 */
public final class Golden {

    private static final Path DIRECTORY = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String fileName, String actual) {
        Path file = DIRECTORY.resolve(fileName);
        try {
            if (Boolean.getBoolean("cvmkeys.updateGolden")) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s; rerun with -Dcvmkeys.updateGolden=true to create it", file).exists();
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
