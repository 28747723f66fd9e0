package io.cvmkeys.dsl.validate;

import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmSchemaSourceTest {

    @Test
    void remoteSchemaIsNeverLoaded() {
        JsonSchemaFactory factory = ArmSchemaSource.fromSystemProperty().newFactory();

        // Loopback and a closed port: even if the guard failed, nothing would leave the machine.
        assertThatThrownBy(() -> factory.getSchema(SchemaLocation.of("http://127.0.0.1:9/schema.json")).initializeValidators())
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("not allowed to be loaded");
    }

    @Test
    void unsetFolderNamesTheSetting() {
        assertThatThrownBy(() -> ArmSchemaSource.open(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ARM schema folder is not set.")
                .hasMessageContaining("cvmkeys.armSchemas");
    }

    @Test
    void publishedUrlMapsToLocalPath() {
        assertThat(ArmSchemaSource.relativePath(
                "https://schema.management.azure.com/schemas/2023-07-01/Microsoft.KeyVault.json#/resourceDefinitions/vaults"))
                .isEqualTo("2023-07-01/Microsoft.KeyVault.json");
        assertThat(ArmSchemaSource.relativePath("http://schema.management.azure.com/schemas/common/definitions.json"))
                .isEqualTo("common/definitions.json");
        assertThat(ArmSchemaSource.relativePath("https://example.org/schema.json")).isNull();
    }

    @Test
    void indexFindsStackResourceTypes() {
        ArmResourceIndex index = ArmResourceIndex.load(ArmSchemaSource.fromSystemProperty(),
                new com.fasterxml.jackson.databind.ObjectMapper());

        assertThat(index.definitionFor("Microsoft.KeyVault/vaults/keys", "2023-07-01")).hasValue(
                new ArmResourceIndex.Definition(
                        "https://schema.management.azure.com/schemas/2023-07-01/Microsoft.KeyVault.json#/resourceDefinitions/vaults_keys",
                        "Microsoft.KeyVault/vaults/keys"));
        assertThat(index.definitionFor("Microsoft.Compute/diskEncryptionSets", "2025-01-02")).isPresent();
        assertThat(index.definitionFor("Microsoft.KeyVault/vaults", "2019-09-01")).isEmpty();
    }
}
