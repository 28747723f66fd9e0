package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.engine.whatif.WhatIfPlan;

import java.util.List;

/**
 * Outcome of {@link Engine#whatIf} or {@link Engine#deploy}, with the process exit code the CLI and the Maven plugin
 * use.
 *
 * @param message  one line for the user, for example {@code not deployed: 4 changes pending approval}
 * @param plan     the What-If plan, or null when the engine stopped before it
 * @param findings the gates' findings, blocking or not
 * @param outputs  the stack's outputs sorted by name when the deployment finished, else null
 */
public record EngineResult(Status status, String message, WhatIfPlan plan, List<Finding> findings, ObjectNode outputs) {

    public EngineResult {
        findings = List.copyOf(findings);
    }

    public enum Status {
        /** Every stage deployed or already up to date. */
        DONE(0),
        /** What-If found nothing to change. */
        NO_CHANGES(0),
        /** An ARM operation failed, or a gate blocked the deployment. */
        FAILED(1),
        /** The stack, the environment, the credential or the subscription is not usable. */
        INVALID_INPUT(2),
        /** What-If found changes and the deployment was not approved. */
        CHANGES_PENDING_APPROVAL(3);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public int exitCode() {
        return status.exitCode();
    }
}
