package io.cvmkeys.modules.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cvmkeys.modules.JsonSyntaxErrors;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an environment file (JSON, or YAML by extension), validates it against {@link EnvironmentSchema} and the
 * rules the schema cannot express, and maps it to an {@link Environment}. Every problem is reported at once.
 */
public final class EnvironmentLoader {

    private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final ObjectMapper yaml = new YAMLMapper();
    private final EnvironmentSchema schema = new EnvironmentSchema();
    private final EnvironmentRules rules;

    /** @param clock today's date, against which the key expiry is checked */
    public EnvironmentLoader(Clock clock) {
        this.rules = new EnvironmentRules(clock);
    }

    /** Finds {@code <name>.json}, {@code .yaml} or {@code .yml} in {@code directory}. */
    public static Path find(Path directory, String name) {
        for (String extension : EXTENSIONS) {
            Path candidate = directory.resolve(name + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Environment '" + name + "' not found: no " + name + ".json, " + name
                + ".yaml or " + name + ".yml in " + directory.toAbsolutePath() + ". Create it, or choose another"
                + " environment with -Dcvmkeys.env=NAME.");
    }

    public Environment load(Path file) {
        JsonNode document = read(file);

        List<EnvironmentProblem> problems = new ArrayList<>(rules.check(document));
        for (EnvironmentProblem problem : schema.validate(document)) {
            boolean alreadyReported = problems.stream().anyMatch(p -> problem.path().startsWith(p.path()));
            if (!alreadyReported) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(EnvironmentProblem::path));
            throw new InvalidEnvironmentException(file, problems);
        }
        return map(file, document);
    }

    private JsonNode read(Path file) {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper reader = fileName.endsWith(".yaml") || fileName.endsWith(".yml") ? yaml : json;
        try {
            JsonNode document = reader.readTree(file.toFile());
            if (document == null || !document.isObject()) {
                throw new InvalidEnvironmentException(file, List.of(new EnvironmentProblem("$",
                        "the file does not contain an object.", "write the environment as one JSON or YAML object.")));
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new InvalidEnvironmentException(file, List.of(new EnvironmentProblem("$",
                    "the file cannot be parsed at " + JsonSyntaxErrors.describe(e) + ".",
                    "correct the syntax.")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read environment file " + file, e);
        }
    }

    private Environment map(Path file, JsonNode document) {
        try {
            return json.treeToValue(document, Environment.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEnvironmentException(file, List.of(new EnvironmentProblem(
                    "$", "a value cannot be read: " + e.getOriginalMessage() + ".",
                    "correct it as environment.schema.json describes.")));
        }
    }
}
