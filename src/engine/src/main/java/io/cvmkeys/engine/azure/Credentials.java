package io.cvmkeys.engine.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.EnvironmentCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

/** Builds the azure-identity credential for a {@link CredentialSource} and checks it can sign in. */
public final class Credentials {

    private Credentials() {
    }

    /**
     * Builds the credential. Building makes no request; the first token request does.
     *
     * @param tenantId the tenant to sign in to, or null for the source's default
     */
    public static TokenCredential create(CredentialSource source, String tenantId) {
        return switch (source) {
            case DEFAULT -> {
                DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
                yield tenantId == null ? builder.build() : builder.tenantId(tenantId).build();
            }
            case AZURE_CLI -> {
                AzureCliCredentialBuilder builder = new AzureCliCredentialBuilder();
                yield tenantId == null ? builder.build() : builder.tenantId(tenantId).build();
            }
            case ENVIRONMENT -> new EnvironmentCredentialBuilder().build();
            case WORKLOAD_IDENTITY -> {
                WorkloadIdentityCredentialBuilder builder = new WorkloadIdentityCredentialBuilder();
                yield tenantId == null ? builder.build() : builder.tenantId(tenantId).build();
            }
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
                String clientId = System.getenv("AZURE_CLIENT_ID");
                yield clientId == null ? builder.build() : builder.clientId(clientId).build();
            }
        };
    }

    /**
     * Builds the credential and requests a token for {@code scope}.
     *
     * @throws SignInRequiredException when the source has no credential, as for {@link #verify}
     */
    public static TokenCredential signIn(CredentialSource source, String tenantId, String scope) {
        TokenCredential credential;
        try {
            credential = create(source, tenantId);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Builders of environment-based sources reject missing variables with these.
            throw new SignInRequiredException(source, e.getMessage(), e);
        }
        verify(credential, source, scope);
        return credential;
    }

    /**
     * Requests a token for {@code scope} so that a missing sign-in fails here, in one line, instead of inside the
     * first SDK call.
     *
     * @throws SignInRequiredException when the source has no credential or rejects the request
     */
    public static void verify(TokenCredential credential, CredentialSource source, String scope) {
        try {
            credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        } catch (ClientAuthenticationException e) {
            // CredentialUnavailableException, a subclass, is what a source without a sign-in throws.
            throw new SignInRequiredException(source, e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Builders of environment-based sources reject missing variables with these.
            throw new SignInRequiredException(source, e.getMessage(), e);
        }
    }
}
