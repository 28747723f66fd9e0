package io.cvmkeys.engine.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import com.azure.resourcemanager.resources.models.Subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Azure SDK managers for one target and subscription, sharing one HTTP pipeline. The pipeline's retry policy
 * honours {@code Retry-After} on 429 and 5xx responses, and the SDK's pollers wait as long-running operations ask.
 */
public final class AzureClients {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final AzureProfile profile;
    private final HttpPipeline pipeline;
    private final ResourceManager resourceManager;
    private ComputeManager computeManager;

    private AzureClients(AzureProfile profile, HttpPipeline pipeline) {
        this.profile = profile;
        this.pipeline = pipeline;
        this.resourceManager = ResourceManager.authenticate(pipeline, profile).withSubscription(profile.getSubscriptionId());
    }

    /**
     * Signs in, resolves the subscription and builds the managers.
     *
     * @throws SignInRequiredException     when the credential source has no sign-in
     * @throws IllegalArgumentException    when no subscription has the given name
     */
    public static AzureClients connect(AzureTarget target) {
        AzureEnvironment environment = target.isEmulator() ? emulatorEnvironment(target.emulatorEndpoint()) : AzureEnvironment.AZURE;
        String scope = environment.getResourceManagerEndpoint() + ".default";
        TokenCredential credential = target.isEmulator()
                ? target.emulatorCredential()
                : Credentials.signIn(target.credentialSource(), target.tenantId(), scope);

        AzureProfile tenantProfile = new AzureProfile(target.tenantId(), null, environment);
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, tenantProfile, new String[] {scope},
                null, Configuration.getGlobalConfiguration(), null, List.of(), target.httpClient());
        String subscriptionId = resolveSubscription(pipeline, tenantProfile, target.subscription());
        return new AzureClients(new AzureProfile(target.tenantId(), subscriptionId, environment), pipeline);
    }

    /** Returns an environment whose resource-manager endpoints point at the emulator; nothing else is used. */
    static AzureEnvironment emulatorEnvironment(String endpoint) {
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base);
        endpoints.put("managementEndpointUrl", base);
        return new AzureEnvironment(endpoints);
    }

    /** Returns {@code subscription} when it is a GUID, else the id of the one subscription with that display name. */
    static String resolveSubscription(HttpPipeline pipeline, AzureProfile profile, String subscription) {
        if (GUID.matcher(subscription).matches()) {
            return subscription.toLowerCase(Locale.ROOT);
        }
        List<Subscription> matches = ResourceManager.authenticate(pipeline, profile).subscriptions().list().stream()
                .filter(candidate -> subscription.equalsIgnoreCase(candidate.displayName()))
                .toList();
        if (matches.size() == 1) {
            return matches.get(0).subscriptionId();
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("Subscription '" + subscription + "' not found among the subscriptions the"
                    + " signed-in identity can see. Check the name in the environment file, or give the subscription GUID.");
        }
        throw new IllegalArgumentException("Subscription name '" + subscription + "' matches " + matches.size()
                + " subscriptions: " + matches.stream().map(Subscription::subscriptionId).toList()
                + ". Give the subscription GUID in the environment file.");
    }

    public String subscriptionId() {
        return profile.getSubscriptionId();
    }

    public AzureProfile profile() {
        return profile;
    }

    /** Returns the authenticated pipeline, for REST calls the SDK has no client for. */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    public ResourceManager resourceManager() {
        return resourceManager;
    }

    /** Returns the compute manager, built on first use. */
    public synchronized ComputeManager computeManager() {
        if (computeManager == null) {
            computeManager = ComputeManager.authenticate(pipeline, profile);
        }
        return computeManager;
    }

    /** REST calls on the resource-manager endpoint through the same pipeline. */
    public ArmRest rest() {
        return new ArmRest(pipeline, profile.getEnvironment().getResourceManagerEndpoint());
    }
}
