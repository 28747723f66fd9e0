package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.engine.TestResources;
import io.cvmkeys.engine.azure.ArmOperationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class WhatIfResultsTest {

    private final List<ResourceChange> changes = WhatIfResults.parse("What-If of stage 'des'", TestResources.json("whatif/des-stage.json"));

    @Test
    void realDeltasKeptApartFromNoise() {
        ResourceChange des = change("diskEncryptionSets");

        assertThat(des.changeType()).isEqualTo(ChangeType.MODIFY);
        assertThat(des.effectiveChangeType()).isEqualTo(ChangeType.MODIFY);
        assertThat(des.changes()).extracting(PropertyChange::path)
                .containsExactly("properties.activeKey.keyUrl", "tags.owner");
        assertThat(des.noise()).extracting(noise -> noise.change().path(), Noise::reason)
                .containsExactly(tuple("properties.provisioningState", NoiseReason.NO_EFFECT));
    }

    @Test
    void readOnlyIdentityPropertiesAreNoise() {
        ResourceChange identity = change("userAssignedIdentities");

        assertThat(identity.changes()).isEmpty();
        assertThat(identity.noise()).extracting(noise -> noise.change().path(), Noise::reason).containsExactly(
                tuple("properties.principalId", NoiseReason.READ_ONLY),
                tuple("properties.tenantId", NoiseReason.READ_ONLY));
        assertThat(identity.effectiveChangeType()).isEqualTo(ChangeType.NO_CHANGE);
        assertThat(identity.isRealChange()).isFalse();
    }

    @Test
    void referenceValueAndIdCasingAreNoise() {
        ResourceChange assignment = change("roleAssignments");

        assertThat(assignment.changes()).isEmpty();
        assertThat(assignment.noise()).extracting(noise -> noise.change().path(), Noise::reason).containsExactly(
                tuple("properties.principalId", NoiseReason.REFERENCE_VALUE),
                tuple("properties.roleDefinitionId", NoiseReason.ID_CASING));
        assertThat(assignment.isRealChange()).isFalse();
    }

    @Test
    void vaultTenantIdIsRealChange() {
        PropertyChange tenant = new PropertyChange("properties.tenantId", PropertyChangeType.MODIFY,
                TestResources.MAPPER.getNodeFactory().textNode("a"), TestResources.MAPPER.getNodeFactory().textNode("b"), null);

        assertThat(NoiseClassifier.classify("Microsoft.KeyVault/vaults", tenant)).isEmpty();
        assertThat(NoiseClassifier.classify("Microsoft.ManagedIdentity/userAssignedIdentities", tenant))
                .contains(NoiseReason.READ_ONLY);
    }

    @Test
    void arrayDeltaKeepsChildren() {
        ResourceChange group = change("actionGroups");

        assertThat(group.changes()).hasSize(1);
        PropertyChange receivers = group.changes().get(0);
        assertThat(receivers.type()).isEqualTo(PropertyChangeType.ARRAY);
        assertThat(receivers.children()).extracting(PropertyChange::path, PropertyChange::type)
                .containsExactly(tuple("1", PropertyChangeType.CREATE));
    }

    @Test
    void realChangesCounted() {
        StageWhatIf stage = new StageWhatIf("des", "rg-avd-prd-cmk", "cvmkeys-avd-cmk-prd-des", changes, List.of());

        // DES modify, action group modify, topic create, endpoint delete; the two noise-only modifies do not count.
        assertThat(stage.realChangeCount()).isEqualTo(4);
    }

    @Test
    void errorBodyWithStatus200Fails() {
        JsonNode body = TestResources.json("whatif/error-body.json");

        assertThatThrownBy(() -> WhatIfResults.parse("What-If of stage 'vault'", body))
                .isInstanceOf(ArmOperationException.class)
                .hasMessage("What-If of stage 'vault' failed: InvalidTemplate: Deployment template validation failed:"
                        + " 'The template parameter 'keySize' is not valid.'.")
                .extracting(e -> ((ArmOperationException) e).code()).isEqualTo("InvalidTemplate");
    }

    private ResourceChange change(String typeSegment) {
        return changes.stream().filter(change -> change.resourceId().contains("/" + typeSegment + "/")).findFirst()
                .orElseThrow();
    }
}
