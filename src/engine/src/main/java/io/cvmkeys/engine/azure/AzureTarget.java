package io.cvmkeys.engine.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;

import java.util.Objects;

/**
 * Deployment target: real Azure with a credential source, or the ARM emulator on loopback with its own HTTP
 * client and a fixed token.
 *
 * @param subscription       subscription name or GUID; a name is resolved through the subscriptions list
 * @param tenantId           tenant to sign in to, or null for the credential's default
 * @param credentialSource   the source to sign in with against real Azure; null for the emulator
 * @param emulatorEndpoint   the emulator's resource-manager URL such as {@code https://127.0.0.1:8443/}, or null
 * @param httpClient         HTTP client to use, or null for azure-core's default
 * @param emulatorCredential token source for the emulator, or null
 */
public record AzureTarget(String subscription, String tenantId, CredentialSource credentialSource,
                          String emulatorEndpoint, HttpClient httpClient, TokenCredential emulatorCredential) {

    public AzureTarget {
        Objects.requireNonNull(subscription, "subscription");
        if (emulatorEndpoint == null && credentialSource == null) {
            throw new IllegalArgumentException("An Azure target needs a credential source; use CredentialSource.DEFAULT"
                    + " for the default chain.");
        }
        if (emulatorEndpoint != null && emulatorCredential == null) {
            throw new IllegalArgumentException("An emulator target needs its static-token credential.");
        }
    }

    /** Real Azure, public cloud, signing in with {@code credentialSource}. */
    public static AzureTarget azure(String subscription, CredentialSource credentialSource, String tenantId) {
        return new AzureTarget(subscription, tenantId, credentialSource, null, null, null);
    }

    /** The ARM emulator at {@code endpoint}, reached with its trusting {@code httpClient} and static {@code credential}. */
    public static AzureTarget emulator(String endpoint, HttpClient httpClient, TokenCredential credential,
            String subscription, String tenantId) {
        return new AzureTarget(subscription, tenantId, null, endpoint, httpClient, credential);
    }

    public boolean isEmulator() {
        return emulatorEndpoint != null;
    }
}
