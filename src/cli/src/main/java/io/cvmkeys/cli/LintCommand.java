package io.cvmkeys.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.dsl.write.Json;
import io.cvmkeys.modules.lint.FileReport;
import io.cvmkeys.modules.lint.LintService;
import io.cvmkeys.modules.synth.StandardChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cvmkeys lint}: ARM schema validation and the rule pack on templates that already exist. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Validate ARM templates against the official schemas and the Confidential VM key rules."
                + " Exit code 1 when any file has an error finding.")
final class LintCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ARM template files (.json).")
    private List<Path> files;

    @Option(names = "--parameters", description = "Parameter file for the template (only with one FILE).")
    private Path parameters;

    @Option(names = "--arm-schemas", description = "Folder with the official ARM schemas (the one that contains schemas/);"
            + " default: the CVMKEYS_ARM_SCHEMAS environment variable. Without it schema validation is not available.")
    private Path armSchemas;

    @Option(names = "--json", description = "Print the findings as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        if (parameters != null && files.size() != 1) {
            throw new IllegalArgumentException("--parameters applies to one template, but " + files.size()
                    + " files were given. Lint the template with its parameters separately.");
        }
        Path schemas = armSchemas != null ? armSchemas
                : System.getenv(StandardChecks.ARM_SCHEMAS_VARIABLE) == null ? null
                : Path.of(System.getenv(StandardChecks.ARM_SCHEMAS_VARIABLE));
        LintService service = new LintService(schemas);

        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(service.lint(file, parameters));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.pretty(toJson(reports, service.validatesSchemas())));
        } else {
            printText(out, reports, service.validatesSchemas());
        }
        out.flush();
        return reports.stream().anyMatch(FileReport::hasErrors) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static void printText(PrintWriter out, List<FileReport> reports, boolean schemasValidated) {
        if (!schemasValidated) {
            out.println("ARM schema validation: not available (no schema folder; use --arm-schemas DIR)");
        }
        long errors = 0;
        long warnings = 0;
        for (FileReport report : reports) {
            for (Finding finding : report.findings()) {
                out.println(report.file() + ": " + finding.toLine());
            }
            errors += report.count(Severity.ERROR);
            warnings += report.count(Severity.WARNING);
        }
        out.println(reports.size() + " files linted: " + errors + " errors, " + warnings + " warnings");
    }

    private static ObjectNode toJson(List<FileReport> reports, boolean schemasValidated) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaValidation", schemasValidated ? "ran" : "not available");
        ArrayNode files = root.putArray("files");
        for (FileReport report : reports) {
            ObjectNode file = files.addObject();
            file.put("file", report.file().toString());
            file.put("suppressed", report.suppressed());
            ArrayNode findings = file.putArray("findings");
            for (Finding finding : report.findings()) {
                findings.addObject()
                        .put("ruleId", finding.ruleId())
                        .put("severity", finding.severity().label())
                        .put("resource", finding.resource())
                        .put("path", finding.path())
                        .put("message", finding.message())
                        .put("fix", finding.fix());
            }
        }
        return root;
    }
}
