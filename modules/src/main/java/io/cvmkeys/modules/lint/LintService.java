package io.cvmkeys.modules.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.policy.ParameterValues;
import io.cvmkeys.dsl.policy.PolicyEngine;
import io.cvmkeys.dsl.policy.PolicyReport;
import io.cvmkeys.dsl.validate.ArmSchemaValidator;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.write.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints ARM templates that already exist, written by cvmkeys or by hand: ARM schema validation (when a schema
 * folder is configured) and the Confidential VM customer-managed key rule pack.
 */
public final class LintService {

    private final ArmSchemaValidator schemas;
    private final PolicyEngine policy;

    /**
     * @param schemaFolder the folder that contains {@code schemas/}, or null to lint without schema validation
     */
    public LintService(Path schemaFolder) {
        this.schemas = schemaFolder == null ? null : new ArmSchemaValidator(schemaFolder);
        this.policy = PolicyEngine.confidentialVmCmk();
    }

    /** Returns true when ARM schema validation runs; callers report it as not available otherwise. */
    public boolean validatesSchemas() {
        return schemas != null;
    }

    /**
     * @param template   the template file
     * @param parameters its parameter file, or null; values from it let the rules check parameterized properties
     * @throws IllegalArgumentException when a file is missing or not a JSON object
     */
    public FileReport lint(Path template, Path parameters) {
        JsonNode templateJson = read(template);
        JsonNode parametersJson = parameters == null ? null : read(parameters);

        List<Finding> findings = new ArrayList<>();
        if (schemas != null) {
            findings.addAll(schemas.validateTemplate(templateJson));
            if (parametersJson != null) {
                findings.addAll(schemas.validateParameters(parametersJson, templateJson));
            }
        }
        PolicyEngine engine = parametersJson == null ? policy
                : policy.withParameterValues(ParameterValues.fromParametersFile(parametersJson));
        PolicyReport report = engine.evaluate(templateJson);
        findings.addAll(report.findings());
        return new FileReport(template, findings, report.suppressed().size());
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("File not found: " + file + ". Give the path of an ARM template (.json).");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(file.toFile());
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException(file + " is not an ARM template: it does not contain a JSON object.");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
