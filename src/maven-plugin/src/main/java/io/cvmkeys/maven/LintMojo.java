package io.cvmkeys.maven;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.modules.lint.FileReport;
import io.cvmkeys.modules.lint.LintService;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cvmkeys:lint}: ARM schema validation and the Confidential VM key rules on existing templates. The build
 * fails when any file has an error finding.
 */
@Mojo(name = "lint", requiresProject = false, threadSafe = true)
public class LintMojo extends AbstractMojo {

    /** Templates to lint, comma-separated on the command line: {@code -Dcvmkeys.lint.files=a.json,b.json}. */
    @Parameter(property = "cvmkeys.lint.files", required = true)
    private List<File> files;

    /** Folder with the official ARM schemas; without it schema validation is not available. */
    @Parameter(property = "cvmkeys.armSchemas")
    private File armSchemas;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        LintService service;
        List<FileReport> reports = new ArrayList<>();
        try {
            service = new LintService(armSchemas == null ? null : armSchemas.toPath());
            for (File file : files) {
                reports.add(service.lint(file.toPath(), null));
            }
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!service.validatesSchemas()) {
            getLog().warn("ARM schema validation: not available (set -Dcvmkeys.armSchemas=DIR)");
        }
        int errors = 0;
        for (FileReport report : reports) {
            for (Finding finding : report.findings()) {
                switch (finding.severity()) {
                    case ERROR -> getLog().error(report.file() + ": " + finding.toLine());
                    case WARNING -> getLog().warn(report.file() + ": " + finding.toLine());
                    default -> getLog().info(report.file() + ": " + finding.toLine());
                }
            }
            errors += (int) report.count(io.cvmkeys.dsl.validate.Severity.ERROR);
        }
        getLog().info(reports.size() + " files linted: " + errors + " errors");
        if (errors > 0) {
            throw new MojoFailureException(errors + " error findings in the linted templates; see the lines above.");
        }
    }
}
