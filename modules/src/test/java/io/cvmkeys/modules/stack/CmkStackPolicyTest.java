package io.cvmkeys.modules.stack;

import io.cvmkeys.dsl.policy.PolicyCheck;
import io.cvmkeys.dsl.stack.StackSynthesizer;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.modules.SampleEnvironments;
import io.cvmkeys.modules.env.EnvironmentLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CmkStackPolicyTest {

    @Test
    void referenceEnvironmentHasNoPolicyWarnings() {
        var prd = new EnvironmentLoader(SampleEnvironments.TODAY).load(SampleEnvironments.PRD);

        Synthesis synthesis = new StackSynthesizer(List.of(PolicyCheck.confidentialVmCmk())).synthesize(CmkStack.build(prd));

        assertThat(synthesis.findingLines(Severity.WARNING)).isEmpty();
    }

    @Test
    void onlyDeployTimeValuesStayUnchecked() {
        var prd = new EnvironmentLoader(SampleEnvironments.TODAY).load(SampleEnvironments.PRD);

        Synthesis synthesis = new StackSynthesizer(List.of(PolicyCheck.confidentialVmCmk())).synthesize(CmkStack.build(prd));

        // The versioned key URL is wired from the vault stage at deployment, and the receivers come from a loop
        // whose addresses the environment rules check instead.
        assertThat(synthesis.findings()).extracting(finding -> finding.ruleId())
                .containsExactlyInAnyOrder("CVMKEYS-DES-002", "CVMKEYS-ALERT-003");
    }

    @Test
    void developmentEnvironmentHasNoPolicyErrors() {
        var dev = new EnvironmentLoader(SampleEnvironments.TODAY).load(SampleEnvironments.DEV);

        Synthesis synthesis = new StackSynthesizer(List.of(PolicyCheck.confidentialVmCmk())).synthesize(CmkStack.build(dev));

        assertThat(synthesis.findingLines(Severity.ERROR)).isEmpty();
    }
}
