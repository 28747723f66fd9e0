package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.CheckResult;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.TemplateCheck;

/** Runs a policy rule pack on each synthesized stage, with the stage's parameter values. */
public final class PolicyCheck implements TemplateCheck {

    public static final String NAME = "policy rules";

    private final PolicyEngine engine;

    public PolicyCheck(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Returns a check that runs the Confidential VM customer-managed key rule pack. */
    public static PolicyCheck confidentialVmCmk() {
        return new PolicyCheck(PolicyEngine.confidentialVmCmk());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckResult check(Stage stage, JsonNode armTemplate, JsonNode armParameters, String bicep) {
        PolicyReport report = engine.withParameterValues(ParameterValues.fromParametersFile(armParameters)).evaluate(armTemplate);
        return CheckResult.ran(NAME, report.findings());
    }
}
