package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a synthesized stack, in memory, with the results of the checks run on them. Nothing is on disk until
 * {@link SynthesisWriter} writes it, and it refuses to write a synthesis with errors.
 *
 * @param files  file name to content, in writing order
 * @param checks every check's result per stage
 */
public record Synthesis(Stack stack, Map<String, String> files, List<StageCheckResult> checks) {

    public Synthesis {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        checks = List.copyOf(checks);
    }

    public boolean hasErrors() {
        return checks.stream().anyMatch(check -> check.result().hasErrors());
    }

    /** Returns every finding at {@code severity} or more serious, with the stage name in front. */
    public List<String> findingLines(Severity severity) {
        return checks.stream()
                .flatMap(check -> check.result().findings().stream()
                        .filter(finding -> finding.severity().isAtLeast(severity))
                        .map(finding -> check.stage() + ": " + finding.toLine()))
                .toList();
    }

    public List<Finding> findings() {
        return checks.stream().flatMap(check -> check.result().findings().stream()).toList();
    }
}
