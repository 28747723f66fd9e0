package io.cvmkeys.engine.doctor;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.util.Configuration;
import io.cvmkeys.engine.azure.AzureTarget;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import reactor.core.publisher.Mono;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The target of a standalone ARM emulator ({@code ArmEmulatorMain}), reached from another process through the PEM
 * certificate it writes.
 */
// TODO: move next to AzureTarget in io.cvmkeys.engine.azure, so deploy commands can reach a standalone emulator too.
public final class EmulatorTargets {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private EmulatorTargets() {
    }

    /**
     * Returns a target for the emulator at {@code endpoint} that trusts only {@code certificatePem} and sends a fixed
     * token, which the emulator accepts.
     *
     * @throws IllegalArgumentException when the endpoint is not HTTPS on a loopback address, or the certificate
     *                                  cannot be read
     */
    public static AzureTarget fromCertificate(String endpoint, Path certificatePem, String subscription) {
        URI uri = URI.create(endpoint);
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || !LOOPBACK_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("Emulator endpoint '" + endpoint + "' is invalid: the emulator listens on"
                    + " HTTPS on loopback only. Give its URL, such as https://127.0.0.1:8443/.");
        }
        HttpClient httpClient = httpClient(readCertificate(certificatePem));
        TokenCredential fixedToken = request -> Mono.just(new AccessToken("emulator-static-token", OffsetDateTime.MAX));
        return AzureTarget.emulator(endpoint.endsWith("/") ? endpoint : endpoint + "/", httpClient, fixedToken,
                subscription, null);
    }

    private static X509Certificate readCertificate(Path certificatePem) {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("Emulator certificate '" + certificatePem + "' cannot be read: " + e.getMessage()
                    + ". Give the PEM file the emulator wrote (emulator-cert.pem in its --state folder, or --cert).", e);
        }
    }

    private static HttpClient httpClient(X509Certificate certificate) {
        SslContext sslContext;
        try {
            sslContext = SslContextBuilder.forClient().trustManager(certificate).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Failed to build a TLS context for the emulator certificate", e);
        }
        reactor.netty.http.client.HttpClient reactorClient = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(sslContext));
        // Configuration.NONE ignores proxy settings from the environment, so requests stay on loopback.
        return new NettyAsyncHttpClientBuilder(reactorClient).configuration(Configuration.NONE).build();
    }
}
