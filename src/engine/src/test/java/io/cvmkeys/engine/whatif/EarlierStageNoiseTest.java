package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EarlierStageNoiseTest {

    private static final String DES = "Microsoft.Compute/diskEncryptionSets";

    @Test
    void placeholderValueIsEarlierStageNoise() {
        PropertyChange keyUrl = new PropertyChange("properties.activeKey.keyUrl", PropertyChangeType.MODIFY,
                TextNode.valueOf("https://kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef"),
                TextNode.valueOf(UnknownInput.placeholderFor("vault", "keyUriWithVersion")), List.of());

        assertThat(NoiseClassifier.classify(DES, keyUrl)).contains(NoiseReason.EARLIER_STAGE_OUTPUT);
    }

    @Test
    void placeholderInPathIsEarlierStageNoise() {
        PropertyChange identity = new PropertyChange("identity.userAssignedIdentities."
                + UnknownInput.placeholderFor("vault", "identityId"), PropertyChangeType.CREATE, null,
                TextNode.valueOf("{}"), List.of());

        assertThat(NoiseClassifier.classify(DES, identity)).contains(NoiseReason.EARLIER_STAGE_OUTPUT);
    }

    @Test
    void realKeyUrlChangeStaysReal() {
        PropertyChange keyUrl = new PropertyChange("properties.activeKey.keyUrl", PropertyChangeType.MODIFY,
                TextNode.valueOf("https://kv.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef"),
                TextNode.valueOf("https://kv.vault.azure.net/keys/cmk/fedcba9876543210fedcba9876543210"), List.of());

        assertThat(NoiseClassifier.classify(DES, keyUrl)).isEmpty();
    }
}
