package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.validate.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Synthesis} into a folder, one file at a time through a temporary file and a rename, so a reader
 * never sees a half-written file. Files whose content is unchanged are left alone. A synthesis with error findings
 * is not written at all.
 */
public final class SynthesisWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SynthesisWriter.class);

    /** Names of the files written or left unchanged. */
    public record Result(List<Path> written, List<Path> unchanged) {
    }

    public Result write(Synthesis synthesis, Path directory) {
        if (synthesis.hasErrors()) {
            throw new SynthesisFailedException("Not written to " + directory + ": the checks found errors.\n"
                    + String.join("\n", synthesis.findingLines(Severity.ERROR)));
        }
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> file : synthesis.files().entrySet()) {
                Path target = directory.resolve(file.getKey());
                if (Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(file.getValue())) {
                    unchanged.add(target);
                    continue;
                }
                replace(target, file.getValue());
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing the synthesized files to " + directory + " failed after "
                    + written.size() + " files; run synth again to complete it", e);
        }
        LOG.debug("Synthesized stack {} for {} into {}: {} files written, {} unchanged", synthesis.stack().name(),
                synthesis.stack().environment(), directory, written.size(), unchanged.size());
        return new Result(written, unchanged);
    }

    /** Gives the file rw-r--r--: temporary files start as rw-------, and generated files are meant to be shared. */
    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void replace(Path target, String content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            readableByAll(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
