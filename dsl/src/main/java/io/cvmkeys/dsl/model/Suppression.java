package io.cvmkeys.dsl.model;

import java.util.List;

/**
 * A decision to accept a policy finding on one resource; the reason is recorded in the template metadata so
 * reviewers and auditors can read it.
 */
public record Suppression(String ruleId, String reason) {

    public Suppression {
        if (ruleId == null || ruleId.isBlank()) {
            throw new InvalidModelException(List.of(new ModelProblem("suppression", "ruleId",
                    "the rule id is empty", "name the rule to suppress, for example CVMKEYS-KV-004")));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidModelException(List.of(new ModelProblem("suppression of " + ruleId, "reason",
                    "a suppression needs a reason", "say why the finding is accepted, for example a change ticket")));
        }
    }
}
