package io.cvmkeys.engine.azure;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CredentialsTest {

    private static final String SCOPE = "https://management.azure.com/.default";

    @Test
    void azureCliWithoutAzIsOneLine() {
        assumeFalse(azOnPath(), "this test needs a machine without the Azure CLI");

        assertThatThrownBy(() -> Credentials.signIn(CredentialSource.AZURE_CLI, null, SCOPE))
                .isInstanceOf(SignInRequiredException.class)
                .hasMessage("No Azure credential from 'azure-cli': AzureCliCredential authentication unavailable."
                        + " Azure CLI not installed. To sign in, install the Azure CLI if it is missing, then run"
                        + " 'az login' (and 'az account set --subscription <name or id>').")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void connectFailsBeforeAnyRequest() {
        assumeFalse(azOnPath(), "this test needs a machine without the Azure CLI");

        AzureTarget target = AzureTarget.azure("sub-avd-prd", CredentialSource.AZURE_CLI, null);

        assertThatThrownBy(() -> AzureClients.connect(target))
                .isInstanceOf(SignInRequiredException.class)
                .hasMessageContaining("az login");
    }

    @Test
    void sourceParsedByName() {
        assertThat(CredentialSource.fromName("azure-cli")).isEqualTo(CredentialSource.AZURE_CLI);
        assertThat(CredentialSource.fromName("Workload-Identity")).isEqualTo(CredentialSource.WORKLOAD_IDENTITY);
        assertThatThrownBy(() -> CredentialSource.fromName("browser"))
                .hasMessage("Unknown credential source 'browser'. Use one of: default, azure-cli, environment,"
                        + " workload-identity, managed-identity.");
    }

    @Test
    void emulatorEnvironmentPointsAtLoopback() {
        var environment = AzureClients.emulatorEnvironment("https://127.0.0.1:8443");

        assertThat(environment.getResourceManagerEndpoint()).isEqualTo("https://127.0.0.1:8443/");
        assertThat(environment.getManagementEndpoint()).isEqualTo("https://127.0.0.1:8443/");
    }

    private static boolean azOnPath() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, "az")));
    }
}
