package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The result of evaluating a rule pack over one template: the findings that count, and the suppressed ones with
 * their reasons.
 */
public final class PolicyReport {

    private final List<Finding> findings;
    private final List<SuppressedFinding> suppressed;

    PolicyReport(List<Finding> findings, List<SuppressedFinding> suppressed) {
        // Most serious first; within a level the evaluation order (resource by resource within each rule) is kept.
        this.findings = findings.stream().sorted(Comparator.comparing(Finding::severity)).toList();
        this.suppressed = List.copyOf(suppressed);
    }

    /** Returns the findings that no suppression covers, errors first. */
    public List<Finding> findings() {
        return findings;
    }

    /** Returns the findings a suppression covers, with the suppression and its reason. */
    public List<SuppressedFinding> suppressed() {
        return suppressed;
    }

    /** Returns the unsuppressed findings at {@code level} or more serious. */
    public List<Finding> findingsAtLeast(Severity level) {
        return findings.stream().filter(finding -> finding.severity().isAtLeast(level)).toList();
    }

    public List<Finding> errors() {
        return findingsAtLeast(Severity.ERROR);
    }

    public boolean hasErrors() {
        return !errors().isEmpty();
    }

    /** Returns true when no unsuppressed finding is an error. */
    public boolean passes() {
        return !hasErrors();
    }

    /** Returns the ids of the unsuppressed findings at {@code level} or more serious, sorted. */
    public Set<String> ruleIds(Severity level) {
        return findingsAtLeast(level).stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Returns the report as JSON for machine-readable output: {@code passes}, {@code findings} (ruleId, severity,
     * resource, path, message, fix) and {@code suppressed} (the same fields plus reason and source).
     */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("passes", passes());
        ArrayNode findingsJson = json.putArray("findings");
        findings.forEach(finding -> findingsJson.add(toJson(finding)));
        ArrayNode suppressedJson = json.putArray("suppressed");
        suppressed.forEach(entry -> suppressedJson.add(toJson(entry.finding())
                .put("reason", entry.reason())
                .put("source", entry.suppression().source())));
        return json;
    }

    /** Formats the report one finding a line, suppressed findings last. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        findings.forEach(finding -> text.append(finding.toLine()).append(System.lineSeparator()));
        suppressed.forEach(finding -> text.append(finding.toLine()).append(System.lineSeparator()));
        return text.toString();
    }

    private static ObjectNode toJson(Finding finding) {
        return JsonNodeFactory.instance.objectNode()
                .put("ruleId", finding.ruleId())
                .put("severity", finding.severity().label())
                .put("resource", finding.resource())
                .put("path", finding.path())
                .put("message", finding.message())
                .put("fix", finding.fix());
    }

    @Override
    public String toString() {
        return toText();
    }
}
