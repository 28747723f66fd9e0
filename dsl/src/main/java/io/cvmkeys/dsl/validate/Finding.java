package io.cvmkeys.dsl.validate;

import java.util.Objects;

/**
 * One problem found in a template: by a policy rule, by ARM schema validation or by the Bicep CLI.
 *
 * @param ruleId   stable identifier, for example {@code CVMKEYS-KEY-002} or {@code ARM-SCHEMA}
 * @param severity how serious the problem is
 * @param resource the resource it concerns, for example
 *                 {@code resources[3] Microsoft.KeyVault/vaults 'kv-avd-cmk-prd-weu-001'}, or empty
 *                 for template-wide findings
 * @param path     JSON path inside the template, for example {@code $.resources[3].properties.sku.name}
 * @param message  what is wrong, naming the value that was found
 * @param fix      what to change to resolve it
 */
public record Finding(String ruleId, Severity severity, String resource, String path, String message, String fix) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        resource = resource == null ? "" : resource;
        path = path == null ? "" : path;
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    /** Formats the finding as one line: {@code error CVMKEYS-KEY-002 <resource> <path>: <message> Fix: <fix>}. */
    public String toLine() {
        StringBuilder line = new StringBuilder()
                .append(severity.label()).append(' ').append(ruleId);
        if (!resource.isEmpty()) {
            line.append(' ').append(resource);
        }
        if (!path.isEmpty()) {
            line.append(' ').append(path);
        }
        line.append(": ").append(message);
        if (!fix.isEmpty() && !message.endsWith(".") && !message.endsWith("?") && !message.endsWith("!")) {
            line.append('.');
        }
        if (!fix.isEmpty()) {
            line.append(" Fix: ").append(fix);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return toLine();
    }
}
