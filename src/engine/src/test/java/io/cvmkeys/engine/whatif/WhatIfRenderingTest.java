package io.cvmkeys.engine.whatif;

import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.engine.Golden;
import io.cvmkeys.engine.TestResources;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WhatIfRenderingTest {

    private final WhatIfPlan plan = new WhatIfPlan("avd-cmk", "prd", List.of(
            new StageWhatIf("des", "rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des",
                    WhatIfResults.parse("What-If of stage 'des'", TestResources.json("whatif/des-stage.json")),
                    List.of(new UnknownInput("keyUriWithVersion", "vault", "keyUriWithVersion",
                            UnknownInput.placeholderFor("vault", "keyUriWithVersion"))))
                    .withPendingInputs(List.of(new StageInput("identityId", "vault", "identityId")))));

    @Test
    void textMatchesGolden() {
        Golden.assertMatches("whatif-des.txt", new WhatIfText(false).render(plan));
    }

    @Test
    void markdownMatchesGolden() {
        Golden.assertMatches("whatif-des.md", new WhatIfMarkdown().render(plan));
    }

    @Test
    void jsonMatchesGolden() {
        Golden.assertMatches("whatif-des.json", new WhatIfJson().render(plan));
    }

    @Test
    void summaryLineCountsEffectiveTypes() {
        assertThat(plan.summaryLine())
                .isEqualTo("Resource changes: 1 to create, 1 to delete, 2 to modify, 3 no change, 1 to ignore.");
    }

    @Test
    void colourOnlyWhenAsked() {
        String coloured = new WhatIfText(true).render(plan);
        String plain = new WhatIfText(false).render(plan);

        assertThat(coloured).contains("\u001B[32m+ Microsoft.EventGrid/systemTopics/evgt-kv-avd-cmk-prd-weu-001-cmk");
        assertThat(plain).doesNotContain("\u001B[");
        assertThat(coloured.replaceAll("\u001B\\[[0-9;]*m", "")).isEqualTo(plain);
    }
}
