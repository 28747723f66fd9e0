package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads and writes rotation journals as JSON. Each write goes to a temporary file in the same folder and is renamed
 * over the journal, so a crash leaves either the previous or the new journal, never half of one.
 */
public final class JournalStore {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;

    /** @param directory folder of the journals, for example {@code target/cvmkeys/prd} */
    public JournalStore(Path directory) {
        this.directory = directory;
    }

    /** Returns the path of a new journal, {@code rotation-<UTC time>.json}, which does not exist yet. */
    Path newJournalPath(Instant now) {
        Path path = directory.resolve("rotation-" + FILE_TIME.format(now) + ".json");
        for (int suffix = 2; Files.exists(path); suffix++) {
            path = directory.resolve("rotation-" + FILE_TIME.format(now) + "-" + suffix + ".json");
        }
        return path;
    }

    void write(Path path, RotationJournal journal) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(temporary, MAPPER.writeValueAsBytes(journal));
            try {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write the rotation journal " + path + ": " + e.getMessage()
                    + ". Check that the folder is writable; the rotation stops before its next step.", e);
        }
    }

    /** Reads a journal written by {@link #write}. */
    public static RotationJournal read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new RotationInputException("Rotation journal " + path + " not found. Give the file a previous"
                    + " rotation wrote, such as target/cvmkeys/<env>/rotation-<time>.json.");
        }
        try {
            return MAPPER.readValue(path.toFile(), RotationJournal.class);
        } catch (IOException e) {
            throw new RotationInputException("Rotation journal " + path + " is not a valid journal: " + e.getMessage());
        }
    }
}
