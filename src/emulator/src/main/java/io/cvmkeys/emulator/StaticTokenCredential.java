package io.cvmkeys.emulator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import reactor.core.publisher.Mono;

/**
 * A credential that always returns the same bearer token and never contacts an identity endpoint.
 *
 * <p>The emulator accepts any non-empty bearer token, so this is all a test needs. Use it instead of
 * {@code DefaultAzureCredential}, which would probe the instance metadata endpoint.
 */
public final class StaticTokenCredential implements TokenCredential {
    private final String token;

    /** Creates a credential that returns {@code token}, which must not be blank. */
    public StaticTokenCredential(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The static token must not be blank: the emulator rejects an empty "
                + "bearer token with 401 AuthenticationFailed.");
        }
        this.token = token;
    }

    /** Creates a credential with the token {@code emulator-static-token}. */
    public StaticTokenCredential() {
        this("emulator-static-token");
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.just(accessToken());
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        return accessToken();
    }

    private AccessToken accessToken() {
        return new AccessToken(token, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
    }
}
