package io.cvmkeys.dsl.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the diagnostics that the Bicep CLI prints, one a line, into findings. For example
 * {@code /src/main.bicep(12,5) : Warning no-unused-params: Parameter "x" is declared but never used.
 * [https://aka.ms/bicep/linter/no-unused-params]} becomes a warning with rule id {@code no-unused-params},
 * path {@code /src/main.bicep:12:5} and the link as the fix.
 */
public final class BicepDiagnostics {

    // The position is (line), (line,column) or (line,column,endLine,endColumn); the Azure CLI accepts all three.
    private static final Pattern DIAGNOSTIC = Pattern.compile(
            "^(?<file>.+?)\\((?<line>\\d+)(?:,(?<column>\\d+)(?:,\\d+,\\d+)?)?\\)\\s*:\\s*"
                    + "(?<level>Error|Warning|Info)\\s+(?<code>[A-Za-z][\\w-]*)\\s*:\\s*(?<message>.*?)"
                    + "(?:\\s*\\[(?<link>https?://[^\\]\\s]+)])?\\s*$");

    private BicepDiagnostics() {
    }

    /** Returns a finding for each diagnostic line in {@code output}; other lines are ignored. */
    public static List<Finding> parse(String output) {
        List<Finding> findings = new ArrayList<>();
        if (output == null) {
            return findings;
        }
        for (String line : output.split("\\R")) {
            Matcher diagnostic = DIAGNOSTIC.matcher(line.strip());
            if (!diagnostic.matches()) {
                continue;
            }
            String column = diagnostic.group("column") == null ? "1" : diagnostic.group("column");
            String path = diagnostic.group("file") + ":" + diagnostic.group("line") + ":" + column;
            String link = diagnostic.group("link");
            findings.add(new Finding(diagnostic.group("code"), severity(diagnostic.group("level")), "", path,
                    diagnostic.group("message"), link == null ? "" : "See " + link));
        }
        return findings;
    }

    private static Severity severity(String level) {
        switch (level.toLowerCase(Locale.ROOT)) {
            case "error":
                return Severity.ERROR;
            case "warning":
                return Severity.WARNING;
            default:
                return Severity.INFO;
        }
    }
}
