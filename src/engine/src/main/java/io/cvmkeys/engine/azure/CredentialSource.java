package io.cvmkeys.engine.azure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Source of the engine's Azure token: the default chain, or one source chosen by name. */
public enum CredentialSource {

    /** azure-identity's {@code DefaultAzureCredential} chain. */
    DEFAULT("default", "run 'az login', or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET"),

    AZURE_CLI("azure-cli", "install the Azure CLI if it is missing, then run 'az login' (and 'az account set"
            + " --subscription <name or id>')"),

    ENVIRONMENT("environment", "set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)"),

    WORKLOAD_IDENTITY("workload-identity", "run where AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE are set,"
            + " such as a pipeline with workload identity federation"),

    MANAGED_IDENTITY("managed-identity", "run on an Azure host with a managed identity, and set AZURE_CLIENT_ID for a"
            + " user-assigned one");

    private final String cliName;
    private final String signInHint;

    CredentialSource(String cliName, String signInHint) {
        this.cliName = cliName;
        this.signInHint = signInHint;
    }

    /** Returns the name used on command lines and in plugin configuration, for example {@code azure-cli}. */
    public String cliName() {
        return cliName;
    }

    /** Returns what the user does to make this source work. */
    public String signInHint() {
        return signInHint;
    }

    /** Parses a name such as {@code azure-cli}, case-insensitively. */
    public static CredentialSource fromName(String name) {
        return Arrays.stream(values())
                .filter(source -> source.cliName.equals(name.toLowerCase(Locale.ROOT).trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown credential source '" + name + "'. Use one of: "
                        + Arrays.stream(values()).map(CredentialSource::cliName).collect(Collectors.joining(", ")) + "."));
    }
}
