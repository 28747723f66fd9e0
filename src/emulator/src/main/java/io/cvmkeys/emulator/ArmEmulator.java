package io.cvmkeys.emulator;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.cvmkeys.emulator.server.ArmHttpHandler;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.FaultRegistry;
import io.cvmkeys.emulator.server.SelfSignedCertificate;
import io.cvmkeys.emulator.resources.KeyBehavior;
import io.cvmkeys.emulator.state.FixtureLoader;
import io.cvmkeys.emulator.state.StoredResource;
import io.cvmkeys.emulator.state.ResourceStore;
import io.cvmkeys.emulator.state.StateRecovery;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Azure Resource Manager emulator on loopback HTTPS: a test double and a demo target, never a replacement for
 * Azure. Nothing it receives is sent to Azure.
 *
 * <pre>{@code
 * try (ArmEmulator emulator = ArmEmulator.start(new ArmEmulatorOptions())) {
 *     ResourceManager arm = ResourceManager.configure()
 *         .withHttpClient(emulator.httpClient())
 *         .authenticate(emulator.credential(), emulator.profile(subscriptionId))
 *         .withSubscription(subscriptionId);
 * }
 * }</pre>
 */
public final class ArmEmulator implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArmEmulator.class);

    private final HttpsServer server;
    private final ExecutorService executor;
    private final SelfSignedCertificate certificate;
    private final EmulatorContext context;
    private final FaultRegistry faults;
    private final String endpoint;

    private ArmEmulator(HttpsServer server, ExecutorService executor, SelfSignedCertificate certificate,
                        EmulatorContext context, FaultRegistry faults, String endpoint) {
        this.server = server;
        this.executor = executor;
        this.certificate = certificate;
        this.context = context;
        this.faults = faults;
        this.endpoint = endpoint;
    }

    /** Starts an emulator on 127.0.0.1, loads its state directory and fixture, and returns once it accepts requests. */
    public static ArmEmulator start(ArmEmulatorOptions options) {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        HttpsServer server;
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                options.port()), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to bind the ARM emulator to 127.0.0.1:" + options.port()
                + "; choose another port or 0 for a free one.", e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        String endpoint = "https://127.0.0.1:" + server.getAddress().getPort() + "/";

        ResourceStore store = new ResourceStore(options.stateDirectory());
        store.load();
        StateRecovery.recover(store);
        EmulatorContext context = new EmulatorContext(options, store, endpoint);
        FaultRegistry faults = new FaultRegistry();
        if (options.fixture() != null) {
            new FixtureLoader(context, faults).load(options.fixture());
        }

        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "arm-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", new ArmHttpHandler(context, faults));
        server.setExecutor(executor);
        server.start();
        LOGGER.warn("ARM emulator listening on {} (loopback only). It is a test double: nothing is sent to Azure.",
            endpoint);
        return new ArmEmulator(server, executor, certificate, context, faults, endpoint);
    }

    /** Returns the base URL, {@code https://127.0.0.1:<port>/}, to use as the resource manager endpoint. */
    public String endpoint() {
        return endpoint;
    }

    /** Returns the socket address the server is bound to. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Returns the emulator's self-signed certificate (SAN {@code 127.0.0.1} and {@code localhost}). */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** Returns the certificate in PEM form, for a client in another process. */
    public String certificatePem() {
        return certificate.pem();
    }

    /** Returns a PKCS12 trust store that holds only the emulator's certificate. */
    public KeyStore trustStore() {
        return certificate.trustStore();
    }

    /** Returns a client {@link SSLContext} that trusts only the emulator's certificate. */
    public SSLContext sslContext() {
        return certificate.clientContext();
    }

    /**
     * Returns an azure-core {@link HttpClient} (Netty, the SDK's default transport) that trusts only the emulator's
     * certificate and ignores proxy settings from the environment, so requests stay on loopback.
     */
    public HttpClient httpClient() {
        SslContext sslContext;
        try {
            sslContext = SslContextBuilder.forClient().trustManager(certificate.certificate()).build();
        } catch (SSLException e) {
            throw new IllegalStateException("Failed to build a Netty TLS context for the emulator", e);
        }
        reactor.netty.http.client.HttpClient reactorClient = reactor.netty.http.client.HttpClient.create()
            .secure(spec -> spec.sslContext(sslContext));
        return new NettyAsyncHttpClientBuilder(reactorClient).configuration(Configuration.NONE).build();
    }

    /** Returns a static-token credential. The emulator accepts any non-empty bearer token. */
    public TokenCredential credential() {
        return new StaticTokenCredential();
    }

    /** Returns an Azure environment whose resource manager and Active Directory endpoints are this emulator. */
    public AzureEnvironment environment() {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint);
        endpoints.put("activeDirectoryEndpointUrl", endpoint);
        endpoints.put("managementEndpointUrl", endpoint);
        return new AzureEnvironment(endpoints);
    }

    /** Returns a profile for {@code subscriptionId} in the emulator's tenant and {@link #environment()}. */
    public AzureProfile profile(String subscriptionId) {
        return new AzureProfile(context.tenantId(), subscriptionId, environment());
    }

    /** Returns the faults injected into requests. Add and clear them while the emulator runs. */
    public FaultRegistry faults() {
        return faults;
    }

    /** Returns the emulator's clock, a {@link SimulatedClock} when the options set one. */
    public Clock clock() {
        return context.clock();
    }

    /**
     * Adds a version to an existing key and makes it current, as a Key Vault data-plane rotate would, and returns
     * the new {@code keyUriWithVersion}. The emulator serves only the management plane, so tests of a rotation use
     * this in place of the data-plane call.
     */
    public String addKeyVersion(String keyId) {
        synchronized (context.lock()) {
            context.operations().settle();
            StoredResource key = context.store().get(keyId)
                .filter(resource -> resource.type().equalsIgnoreCase("Microsoft.KeyVault/vaults/keys"))
                .orElseThrow(() -> new IllegalArgumentException("No key with id '" + keyId + "' exists in the "
                    + "emulator; create it with a PUT of Microsoft.KeyVault/vaults/keys first."));
            String keyUriWithVersion = KeyBehavior.addVersion(context, key);
            context.store().save();
            return keyUriWithVersion;
        }
    }

    /** Stops the server and waits for requests in flight for up to one second. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOGGER.info("ARM emulator on {} stopped.", endpoint);
    }
}
