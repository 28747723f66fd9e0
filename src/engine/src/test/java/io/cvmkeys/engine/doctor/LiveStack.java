package io.cvmkeys.engine.doctor;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.SimulatedClock;
import io.cvmkeys.emulator.Throttling;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.AzureTarget;
import io.cvmkeys.modules.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The prd environment's key stack, deployed into an emulator with plain PUTs: healthy by default, and any request
 * body can be changed before {@link #deploy()} (the key is create-only, so its state is set that way) or replaced
 * afterwards with {@link #put}.
 */
final class LiveStack implements AutoCloseable {

    static final String SUBSCRIPTION = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";
    static final Instant NOW = Instant.parse("2027-06-01T09:00:00Z");
    static final Path ENVIRONMENTS = Path.of("../../samples/avd-cmk/env");
    static final String KEY_VAULT_API = "2023-07-01";
    static final String COMPUTE_API = "2024-07-01";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Environment environment = DoctorEnvironment.load(ENVIRONMENTS, "prd");
    final SimulatedClock clock = SimulatedClock.startingAt(NOW);
    final StackResourceIds ids = StackResourceIds.of(environment, SUBSCRIPTION);
    final String vmId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-avd-prd-hosts/providers/"
            + "Microsoft.Compute/virtualMachines/vm-avd-prd-0";
    final String osDiskId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-avd-prd-hosts/providers/"
            + "Microsoft.Compute/disks/vm-avd-prd-0-os";

    final ObjectNode vault = object("""
            {"location": "westeurope", "properties": {"tenantId": "72f988bf-0000-4000-8000-00000000e001",
             "sku": {"family": "A", "name": "premium"}, "enableRbacAuthorization": true, "enableSoftDelete": true,
             "softDeleteRetentionInDays": 90, "enablePurgeProtection": true, "enabledForDiskEncryption": true,
             "publicNetworkAccess": "Disabled", "networkAcls": {"bypass": "AzureServices", "defaultAction": "Deny"}}}
            """);
    final ObjectNode key = object("""
            {"properties": {"kty": "RSA-HSM", "keySize": 3072, "keyOps": ["wrapKey", "unwrapKey"],
             "attributes": {"enabled": true, "exp": 1827619200, "exportable": true},
             "release_policy": {"contentType": "application/json; charset=utf-8", "data": "eyJ2ZXJzaW9uIjoiMS4wLjAifQ"},
             "rotationPolicy": {"attributes": {"expiryTime": "P1Y"},
              "lifetimeActions": [{"trigger": {"timeBeforeExpiry": "P30D"}, "action": {"type": "notify"}}]}}}
            """);
    final ObjectNode diskEncryptionSet = object("""
            {"location": "westeurope", "identity": {"type": "UserAssigned", "userAssignedIdentities": {}},
             "properties": {"encryptionType": "ConfidentialVmEncryptedWithCustomerKey", "activeKey": {"keyUrl": ""},
              "rotationToLatestKeyVersionEnabled": false}}
            """);
    final ObjectNode osDisk = object("""
            {"location": "westeurope", "sku": {"name": "Premium_LRS"}, "properties": {"creationData":
             {"createOption": "Empty"}, "diskSizeGB": 128, "securityProfile":
             {"securityType": "ConfidentialVM_DiskEncryptedWithCustomerKey", "secureVMDiskEncryptionSetId": ""}}}
            """);
    final ObjectNode virtualMachine = object("""
            {"location": "westeurope", "properties": {"hardwareProfile": {"vmSize": "Standard_DC4as_v5"},
             "securityProfile": {"securityType": "ConfidentialVM",
              "uefiSettings": {"secureBootEnabled": true, "vTpmEnabled": true}},
             "storageProfile": {"osDisk": {"name": "vm-avd-prd-0-os", "createOption": "Attach", "managedDisk":
              {"id": "", "securityProfile": {"securityEncryptionType": "DiskWithVMGuestState",
               "diskEncryptionSet": {"id": ""}}}}}}}
            """);
    final ObjectNode systemTopic = object("""
            {"location": "westeurope", "properties": {"source": "", "topicType": "Microsoft.KeyVault.vaults"}}
            """);
    final ObjectNode eventSubscription = object("""
            {"properties": {"destination": {"endpointType": "MonitorAlert", "properties": {"severity": "Sev1",
              "actionGroups": [], "description": "Key near expiry"}},
             "filter": {"includedEventTypes": ["Microsoft.KeyVault.KeyNearExpiry", "Microsoft.KeyVault.KeyExpired",
              "Microsoft.KeyVault.KeyNewVersionCreated"]},
             "eventDeliverySchema": "CloudEventSchemaV1_0",
             "retryPolicy": {"maxDeliveryAttempts": 30, "eventTimeToLiveInMinutes": 1440}}}
            """);
    final ObjectNode actionGroup = object("""
            {"location": "global", "properties": {"groupShortName": "CMKExpiry", "enabled": true,
             "emailReceivers": [{"name": "avd-platform-team", "emailAddress": "avd-platform@northwind-health.eu",
              "useCommonAlertSchema": true}], "webhookReceivers": []}}
            """);
    boolean encryptionUserRole = true;
    boolean releaseUserRole = true;

    private final java.util.Map<String, Consumer<ObjectNode>> rewrites = new java.util.LinkedHashMap<>();
    private ArmEmulator emulator;
    private HttpPipeline pipeline;
    String keyUriWithVersion;
    String identityPrincipalId;
    String encryptionUserAssignmentId;
    String releaseUserAssignmentId;

    /** Returns a healthy stack to change before {@link #deploy()}. */
    static LiveStack healthy() {
        return new LiveStack();
    }

    /** Applies {@code change} to this stack's request bodies before they are sent. */
    LiveStack with(Consumer<LiveStack> change) {
        change.accept(this);
        return this;
    }

    /** Starts the emulator with the stack's resource groups only, for tests that deploy templates themselves. */
    LiveStack startEmpty() {
        emulator = ArmEmulator.start(new ArmEmulatorOptions()
                .clock(clock)
                .throttling(Throttling.disabled())
                .retryAfter(Duration.ZERO)
                .operationDuration(Duration.ZERO));
        pipeline = new HttpPipelineBuilder()
                .httpClient(emulator.httpClient())
                .policies(new BearerTokenAuthenticationPolicy(emulator.credential(), emulator.endpoint() + ".default"))
                .build();

        for (String group : new String[] {"rg-avd-cmk-prd-weu-001", "rg-avd-prd-cmk", "rg-avd-prd-hosts"}) {
            put("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + group, object("{\"location\": \"westeurope\"}"),
                    "2021-04-01");
        }
        return this;
    }

    /** Starts the emulator and creates every resource in dependency order. */
    LiveStack deploy() {
        startEmpty();
        put(ids.vault(), vault, KEY_VAULT_API);
        keyUriWithVersion = put(ids.key(), key, KEY_VAULT_API).path("properties").path("keyUriWithVersion").asText();
        identityPrincipalId = put(ids.identity(), object("{\"location\": \"westeurope\"}"), "2023-01-31")
                .path("properties").path("principalId").asText();

        if (encryptionUserRole) {
            encryptionUserAssignmentId = assignRole(identityPrincipalId, RoleAssignmentChecks.ENCRYPTION_USER);
        }
        if (releaseUserRole) {
            releaseUserAssignmentId = assignRole(environment.confidentialVmOrchestratorObjectId(),
                    RoleAssignmentChecks.RELEASE_USER);
        }

        ObjectNode identities = (ObjectNode) diskEncryptionSet.path("identity").path("userAssignedIdentities");
        identities.putObject(ids.identity());
        ObjectNode activeKey = (ObjectNode) diskEncryptionSet.path("properties").path("activeKey");
        if (activeKey.path("keyUrl").asText().isEmpty()) {
            activeKey.put("keyUrl", keyUriWithVersion);
        }
        put(ids.diskEncryptionSet(), diskEncryptionSet, LiveResources.DISK_API);

        addSessionHost();

        put(ids.actionGroup(), actionGroup, LiveResources.MONITOR_API);
        ((ObjectNode) systemTopic.path("properties")).put("source", ids.vault());
        put(ids.systemTopic(), systemTopic, LiveResources.EVENT_GRID_API);
        ArrayNode actionGroups = (ArrayNode) eventSubscription.path("properties").path("destination").path("properties")
                .path("actionGroups");
        actionGroups.add(ids.actionGroup());
        put(ids.eventSubscription(), eventSubscription, LiveResources.EVENT_GRID_API);
        return this;
    }

    /** Creates the session host VM and its OS disk on the Disk Encryption Set. */
    void addSessionHost() {
        ObjectNode diskSecurity = (ObjectNode) osDisk.path("properties").path("securityProfile");
        if (diskSecurity.path("secureVMDiskEncryptionSetId").asText().isEmpty()) {
            diskSecurity.put("secureVMDiskEncryptionSetId", ids.diskEncryptionSet());
        }
        put(osDiskId, osDisk, LiveResources.DISK_API);
        ObjectNode managedDisk = (ObjectNode) virtualMachine.path("properties").path("storageProfile").path("osDisk")
                .path("managedDisk");
        managedDisk.put("id", osDiskId);
        ObjectNode vmDiskSet = (ObjectNode) managedDisk.path("securityProfile").path("diskEncryptionSet");
        if (vmDiskSet.path("id").asText().isEmpty()) {
            vmDiskSet.put("id", ids.diskEncryptionSet());
        }
        put(vmId, virtualMachine, COMPUTE_API);
    }

    /** Makes the doctor see {@code resourceId} changed by {@code edit}, for states the emulator rejects on PUT. */
    LiveStack rewriteReads(String resourceId, Consumer<ObjectNode> edit) {
        rewrites.put(resourceId, edit);
        return this;
    }

    /** Runs the doctor through the SDK pipeline the CLI uses, with the stack's simulated clock. */
    DoctorReport examine() {
        RewritingHttpClient httpClient = new RewritingHttpClient(emulator.httpClient());
        rewrites.forEach(httpClient::rewrite);
        AzureTarget target = AzureTarget.emulator(emulator.endpoint(), httpClient, emulator.credential(),
                SUBSCRIPTION, null);
        return new Doctor(AzureClients.connect(target), clock).examine(environment);
    }

    /** A resource manager on the emulator, for deployments. */
    com.azure.resourcemanager.resources.ResourceManager resourceManager() {
        return com.azure.resourcemanager.resources.ResourceManager.configure()
                .withHttpClient(emulator.httpClient())
                .authenticate(emulator.credential(), emulator.profile(SUBSCRIPTION))
                .withSubscription(SUBSCRIPTION);
    }

    ArmEmulator emulator() {
        return emulator;
    }

    /** PUTs {@code body} at {@code id} and returns the response body; fails on any status that is not 2xx. */
    JsonNode put(String id, JsonNode body, String apiVersion) {
        return send(HttpMethod.PUT, id, body, apiVersion);
    }

    void delete(String id, String apiVersion) {
        send(HttpMethod.DELETE, id, null, apiVersion);
    }

    /** Sets the key's {@code exp} to {@code left} from {@link #NOW}. */
    LiveStack expiringIn(Duration left) {
        ((ObjectNode) key.path("properties").path("attributes")).put("exp", NOW.plus(left).getEpochSecond());
        return this;
    }

    private String assignRole(String principalId, String roleGuid) {
        String id = ids.key() + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID();
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        properties.put("roleDefinitionId", "/subscriptions/" + SUBSCRIPTION
                + "/providers/Microsoft.Authorization/roleDefinitions/" + roleGuid);
        properties.put("principalId", principalId);
        properties.put("principalType", "ServicePrincipal");
        put(id, body, LiveResources.AUTHORIZATION_API);
        return id;
    }

    private JsonNode send(HttpMethod method, String id, JsonNode body, String apiVersion) {
        HttpRequest request = new HttpRequest(method, emulator.endpoint() + id.substring(1) + "?api-version=" + apiVersion)
                .setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
        if (body != null) {
            request.setBody(body.toString());
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + id + " failed with " + response.getStatusCode() + ": " + text);
            }
            return text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
