package io.cvmkeys.engine.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.modules.env.Environment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The ARM emulator started inside the process, for runs without an Azure subscription: the main job's demo target
 * and the way to try a deployment before going to Azure. Nothing it receives reaches Azure.
 *
 * <p>In Azure, the environment's resource groups and the secret a webhook reference names exist before cvmkeys
 * deploys. The emulator starts empty, so they are created in it, with one log line each.
 */
public final class EmbeddedEmulator implements AutoCloseable {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final String DEMO_WEBHOOK_URI = "https://webhook.emulator.invalid/cvmkeys-key-expiry";

    private final ArmEmulator emulator;
    private final AzureTarget target;

    private EmbeddedEmulator(ArmEmulator emulator, AzureTarget target) {
        this.emulator = emulator;
        this.target = target;
    }

    /**
     * Starts the emulator with its state in {@code stateDirectory}, so repeated runs see what earlier runs deployed.
     *
     * @param log receives one line per step, starting with the statement that nothing reaches Azure
     */
    public static EmbeddedEmulator start(Path stateDirectory, Environment environment, Consumer<String> log) {
        String subscriptionId = subscriptionId(environment.subscription());
        ArmEmulator emulator = ArmEmulator.start(new ArmEmulatorOptions()
                .stateDirectory(stateDirectory)
                .subscription(subscriptionId, environment.subscription())
                .operationDuration(Duration.ofSeconds(1))
                .retryAfter(Duration.ofSeconds(1)));
        log.accept("Target: the embedded ARM emulator at " + emulator.endpoint() + ", state in " + stateDirectory
                + ". Nothing is sent to Azure.");
        if (!environment.subscription().equalsIgnoreCase(subscriptionId)) {
            log.accept("Subscription " + environment.subscription() + " is emulated with the id " + subscriptionId
                    + ", derived from its name.");
        }
        AzureTarget target = AzureTarget.emulator(emulator.endpoint(), emulator.httpClient(), emulator.credential(),
                environment.subscription(), ArmEmulatorOptions.DEFAULT_TENANT_ID);
        EmbeddedEmulator embedded = new EmbeddedEmulator(emulator, target);
        embedded.seed(subscriptionId, environment, log);
        return embedded;
    }

    public AzureTarget target() {
        return target;
    }

    /** Returns the emulated subscription id: the environment's GUID, or a stable id derived from its subscription name. */
    static String subscriptionId(String subscription) {
        if (GUID.matcher(subscription).matches()) {
            return subscription.toLowerCase(java.util.Locale.ROOT);
        }
        return UUID.nameUUIDFromBytes(("cvmkeys-emulator:" + subscription).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private void seed(String subscriptionId, Environment environment, Consumer<String> log) {
        Set<String> groups = new LinkedHashSet<>();
        Environment.ResourceGroups resourceGroups = environment.resourceGroups();
        for (String group : new String[] {resourceGroups.keyVault(), resourceGroups.diskEncryptionSet(),
                resourceGroups.hostPool(), resourceGroups.sessionHosts()}) {
            if (group != null) {
                groups.add(group);
            }
        }
        for (String group : groups) {
            ensure("/subscriptions/" + subscriptionId + "/resourceGroups/" + group, "2022-09-01",
                    "{\"location\":\"" + environment.location() + "\"}", "resource group " + group, log);
        }
        Environment.WebhookSettings webhook = environment.alerts().webhook();
        if (webhook != null && webhook.fromKeyVaultSecret() != null) {
            seedWebhookSecret(webhook.fromKeyVaultSecret(), environment.location(), log);
        }
    }

    private void seedWebhookSecret(Environment.KeyVaultSecretSettings secret, String location, Consumer<String> log) {
        String vaultId = secret.vaultId();
        String groupId = vaultId.substring(0, vaultId.toLowerCase(java.util.Locale.ROOT).indexOf("/providers/"));
        ensure(groupId, "2022-09-01", "{\"location\":\"" + location + "\"}", "resource group of the webhook vault", log);
        ensure(vaultId, "2023-07-01", "{\"location\":\"" + location + "\",\"properties\":{\"tenantId\":\""
                + ArmEmulatorOptions.DEFAULT_TENANT_ID + "\",\"sku\":{\"family\":\"A\",\"name\":\"standard\"}}}",
                "vault " + vaultId, log);
        ensure(vaultId + "/secrets/" + secret.secretName(), "2023-07-01",
                "{\"properties\":{\"value\":\"" + DEMO_WEBHOOK_URI + "\"}}",
                "secret " + secret.secretName() + " with a placeholder webhook URI", log);
    }

    /** Creates a resource that Azure would already have, unless an earlier run created it. */
    private void ensure(String id, String apiVersion, String body, String description, Consumer<String> log) {
        String url = emulator.endpoint() + id.substring(1) + "?api-version=" + apiVersion;
        HttpResponse existing = send(new HttpRequest(HttpMethod.GET, url));
        if (existing.getStatusCode() == 200) {
            return;
        }
        HttpResponse created = send(new HttpRequest(HttpMethod.PUT, url)
                .setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json")
                .setBody(body));
        if (created.getStatusCode() >= 300) {
            throw new IllegalStateException("The embedded emulator could not create " + description + ": HTTP "
                    + created.getStatusCode() + " " + created.getBodyAsString().block());
        }
        log.accept("Created " + description + " in the emulator (in Azure it must exist before deploying).");
    }

    private HttpResponse send(HttpRequest request) {
        request.setHeader(com.azure.core.http.HttpHeaderName.AUTHORIZATION,
                "Bearer " + emulator.credential().getTokenSync(new com.azure.core.credential.TokenRequestContext()
                        .addScopes(emulator.endpoint() + ".default")).getToken());
        return emulator.httpClient().sendSync(request, com.azure.core.util.Context.NONE);
    }

    @Override
    public void close() {
        emulator.close();
    }
}
