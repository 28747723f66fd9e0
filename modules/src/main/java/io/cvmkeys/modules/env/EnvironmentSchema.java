package io.cvmkeys.modules.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The published JSON Schema of environment files ({@code environment.schema.json} in this artifact), and the
 * translation of its validation messages into problems that name the JSON path and the expected value.
 */
public final class EnvironmentSchema {

    /** Classpath location of the schema; editors can use the same file for completion. */
    public static final String RESOURCE = "/io/cvmkeys/modules/environment.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schemaNode;
    private final JsonSchema schema;

    public EnvironmentSchema() {
        try (InputStream in = EnvironmentSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The environment schema " + RESOURCE + " is missing from the classpath.");
            }
            schemaNode = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the environment schema " + RESOURCE, e);
        }
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode, config);
    }

    /** Returns the schema document itself. */
    public JsonNode schemaNode() {
        return schemaNode;
    }

    /** Validates {@code document} and returns one problem per violation, sorted by path. */
    public List<EnvironmentProblem> validate(JsonNode document) {
        Set<ValidationMessage> messages = schema.validate(document);
        List<EnvironmentProblem> problems = new ArrayList<>();
        for (ValidationMessage message : messages) {
            problems.add(toProblem(message, document));
        }
        problems.sort(Comparator.comparing(EnvironmentProblem::path));
        return problems;
    }

    private EnvironmentProblem toProblem(ValidationMessage message, JsonNode document) {
        String path = message.getInstanceLocation().toString();
        String type = message.getType();
        if ("required".equals(type)) {
            String property = message.getProperty();
            String propertyPath = path + "." + property;
            return new EnvironmentProblem(propertyPath, "is missing.", expectation(propertyPath));
        }
        if ("additionalProperties".equals(type)) {
            String property = message.getProperty();
            return new EnvironmentProblem(path + "." + property, "is not a known setting.",
                    "remove it or correct its spelling; the known settings are listed in environment.schema.json.");
        }
        String text = message.getMessage();
        String detail = text.startsWith(path + ": ") ? text.substring(path.length() + 2) : text;
        JsonNode value = JsonPaths.at(document, path);
        String shown = value == null ? "the value" : value.toString();
        JsonNode property = JsonPaths.schemaAt(schemaNode, path);
        if ("enum".equals(type) && property != null && property.has("enum")) {
            detail = "it is not one of " + property.get("enum");
        } else if ("pattern".equals(type)) {
            detail = "it does not have the required form";
        }
        return new EnvironmentProblem(path, shown + " is invalid: " + detail + ".", expectation(path));
    }

    /** Describes what the schema expects at {@code path}, from the property's description. */
    private String expectation(String path) {
        JsonNode property = JsonPaths.schemaAt(schemaNode, path);
        if (property != null && property.hasNonNull("description")) {
            return "set it to " + property.get("description").asText() + ".";
        }
        return "correct it as environment.schema.json describes.";
    }
}
