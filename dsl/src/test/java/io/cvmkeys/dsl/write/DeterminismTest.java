package io.cvmkeys.dsl.write;

import io.cvmkeys.dsl.SampleTemplates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    @Test
    void armOutputIsByteIdenticalAcrossBuilds() {
        String first = new ArmTemplateWriter().write(SampleTemplates.vault());
        String second = new ArmTemplateWriter().write(SampleTemplates.vault());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void bicepOutputIsByteIdenticalAcrossBuilds() {
        String first = new BicepWriter().write(SampleTemplates.alerts());
        String second = new BicepWriter().write(SampleTemplates.alerts());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void outputUsesLineFeedsAndEndsWithNewline() {
        String arm = new ArmTemplateWriter().write(SampleTemplates.diskEncryptionSet());

        assertThat(arm).doesNotContain("\r").endsWith("}\n");
    }
}
