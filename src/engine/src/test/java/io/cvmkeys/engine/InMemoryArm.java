package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.arm.ArmExpressionException;
import io.cvmkeys.emulator.arm.DeploymentContext;
import io.cvmkeys.emulator.arm.DeploymentSteps;
import io.cvmkeys.emulator.arm.EvaluatedDeployment;
import io.cvmkeys.emulator.arm.EvaluatedResource;
import io.cvmkeys.emulator.arm.TemplateEvaluator;
import io.cvmkeys.emulator.arm.WhatIfCalculator;
import io.cvmkeys.engine.azure.ArmDeploymentClient;
import io.cvmkeys.engine.azure.ArmOperationException;
import io.cvmkeys.engine.azure.AzureConnection;
import io.cvmkeys.engine.gates.DiskEncryptionSetUsage;
import io.cvmkeys.engine.gates.PreflightLookups;
import io.cvmkeys.engine.gates.VirtualMachineUse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ARM in memory for engine tests, on the emulator's template evaluator and What-If calculator: resource state,
 * deployment records, provider-set properties (principal ids, key URIs), failure injection and the look-ups.
 */
public final class InMemoryArm implements ArmDeploymentClient, PreflightLookups, DiskEncryptionSetUsage {

    public static final String SUBSCRIPTION_ID = EmulatedWhatIf.SUBSCRIPTION_ID;

    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, ObjectNode> succeededDeployments = new HashMap<>();
    private final List<String> puts = new ArrayList<>();
    private final List<String> whatIfs = new ArrayList<>();
    private final Map<String, DeletedVault> deletedVaults = new HashMap<>();
    private final List<ExistingSystemTopic> systemTopics = new ArrayList<>();
    private final List<VirtualMachineUse> virtualMachines = new ArrayList<>();
    private String failType;
    private String failCode;
    private String failMessage;
    private int keyVersions;

    public AzureConnection connection() {
        return new AzureConnection(SUBSCRIPTION_ID, this, this, this);
    }

    /** Makes the next deployments fail at the first resource of {@code type}, as ARM does for a failed PUT. */
    public void failOn(String type, String code, String message) {
        this.failType = type;
        this.failCode = code;
        this.failMessage = message;
    }

    public void stopFailing() {
        this.failType = null;
    }

    /** Ids of the resources PUT so far, in order. */
    public List<String> puts() {
        return puts;
    }

    public List<String> whatIfs() {
        return whatIfs;
    }

    public Optional<ObjectNode> resource(String id) {
        return Optional.ofNullable(resources.get(id.toLowerCase(Locale.ROOT))).map(ObjectNode::deepCopy);
    }

    /** Replaces a resource's state, as a change made outside the deployment would. */
    public void replace(JsonNode body) {
        resources.put(body.path("id").asText().toLowerCase(Locale.ROOT), (ObjectNode) body.deepCopy());
    }

    public void addDeletedVault(DeletedVault vault) {
        deletedVaults.put(vault.location() + "/" + vault.name(), vault);
    }

    public void addSystemTopic(ExistingSystemTopic topic) {
        systemTopics.add(topic);
    }

    public void addVirtualMachine(VirtualMachineUse use) {
        virtualMachines.add(use);
    }

    @Override
    public JsonNode whatIf(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters) {
        whatIfs.add(deploymentName);
        try {
            EvaluatedDeployment deployment = TemplateEvaluator.evaluate(template, resolveReferences(parameters),
                    context(resourceGroup, deploymentName), this::get);
            return WhatIfCalculator.compute(deployment, this::get);
        } catch (ArmExpressionException e) {
            ObjectNode body = TestResources.MAPPER.createObjectNode();
            body.put("status", "Failed");
            body.putObject("error").put("code", e.code()).put("message", e.getMessage());
            return body;
        }
    }

    @Override
    public ObjectNode deploy(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters,
            ProgressListener listener) {
        String operation = "Deployment '" + deploymentName + "'";
        succeededDeployments.remove(key(resourceGroup, deploymentName));
        try {
            EvaluatedDeployment deployment = TemplateEvaluator.evaluate(template, resolveReferences(parameters),
                    context(resourceGroup, deploymentName), this::get);
            DeploymentSteps steps = deployment.deploymentSteps();
            while (steps.hasNext()) {
                EvaluatedResource resource = steps.evaluateNext(this::get);
                if (failType != null && resource.type().equalsIgnoreCase(failType)) {
                    throw new ArmOperationException(operation, failCode, failMessage);
                }
                put(resource);
            }
            ObjectNode outputs = deployment.evaluateOutputs(this::get);
            succeededDeployments.put(key(resourceGroup, deploymentName), outputs);
            return outputs.deepCopy();
        } catch (ArmExpressionException e) {
            throw new ArmOperationException(operation, e.code(), e.getMessage());
        }
    }

    @Override
    public Optional<ObjectNode> succeededDeploymentOutputs(String resourceGroup, String deploymentName) {
        return Optional.ofNullable(succeededDeployments.get(key(resourceGroup, deploymentName))).map(ObjectNode::deepCopy);
    }

    /** Forgets the deployment records, as when someone deletes the deployment history; resources stay. */
    public void clearDeploymentHistory() {
        succeededDeployments.clear();
    }

    @Override
    public Optional<DeletedVault> deletedVault(String location, String vaultName) {
        return Optional.ofNullable(deletedVaults.get(location + "/" + vaultName));
    }

    @Override
    public List<ExistingSystemTopic> systemTopicsWithSource(String sourceId) {
        List<ExistingSystemTopic> found = new ArrayList<>(systemTopics.stream()
                .filter(topic -> topic.source().equalsIgnoreCase(sourceId)).toList());
        for (ObjectNode resource : resources.values()) {
            if (resource.path("type").asText().equalsIgnoreCase("Microsoft.EventGrid/systemTopics")
                    && resource.path("properties").path("source").asText().equalsIgnoreCase(sourceId)) {
                found.add(new ExistingSystemTopic(resource.path("id").asText(), resource.path("name").asText(), sourceId));
            }
        }
        return found;
    }

    @Override
    public List<ExistingRoleAssignment> roleAssignmentsAt(String scope) {
        List<ExistingRoleAssignment> found = new ArrayList<>();
        String prefix = (scope + "/providers/Microsoft.Authorization/roleAssignments/").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, ObjectNode> entry : resources.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                JsonNode properties = entry.getValue().path("properties");
                found.add(new ExistingRoleAssignment(entry.getValue().path("id").asText(), entry.getValue().path("name").asText(),
                        properties.path("principalId").asText(), properties.path("roleDefinitionId").asText()));
            }
        }
        return found;
    }

    @Override
    public List<VirtualMachineUse> virtualMachinesUsing(String diskEncryptionSetId) {
        return virtualMachines;
    }

    private Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(resources.get(id.toLowerCase(Locale.ROOT))).map(ObjectNode::deepCopy);
    }

    /** Stores a GET body: identity fields, the PUT body, and the properties the resource provider sets. */
    private void put(EvaluatedResource resource) {
        puts.add(resource.id());
        ObjectNode existing = resources.get(resource.id().toLowerCase(Locale.ROOT));
        ObjectNode body = TestResources.MAPPER.createObjectNode();
        body.put("id", resource.id());
        body.put("name", resource.name().substring(resource.name().lastIndexOf('/') + 1));
        body.put("type", resource.type());

        Iterator<Map.Entry<String, JsonNode>> fields = resource.body().fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            body.set(field.getKey(), field.getValue().deepCopy());
        }

        ObjectNode properties = body.with("properties");
        properties.put("provisioningState", "Succeeded");
        switch (resource.type().toLowerCase(Locale.ROOT)) {
            case "microsoft.managedidentity/userassignedidentities" -> {
                properties.put("principalId", uuid("principal", resource.id()));
                properties.put("clientId", uuid("client", resource.id()));
                properties.put("tenantId", EmulatedWhatIf.TENANT_ID);
            }
            case "microsoft.keyvault/vaults" -> properties.put("vaultUri", "https://" + body.path("name").asText() + ".vault.azure.net/");
            case "microsoft.keyvault/vaults/keys" -> {
                String vault = resource.name().substring(0, resource.name().indexOf('/'));
                String keyUri = "https://" + vault + ".vault.azure.net/keys/" + body.path("name").asText();
                // A key PUT on an existing key keeps its version, as Key Vault's ARM API does.
                String version = existing != null
                        ? existing.path("properties").path("keyUriWithVersion").asText().substring(keyUri.length() + 1)
                        : String.format("%032x", ++keyVersions);
                properties.put("keyUri", keyUri);
                properties.put("keyUriWithVersion", keyUri + "/" + version);
            }
            default -> {
            }
        }

        resources.put(resource.id().toLowerCase(Locale.ROOT), body);
    }

    /** ARM resolves Key Vault references itself; the test vault returns a fixed webhook URI. */
    private static JsonNode resolveReferences(JsonNode parameters) {
        ObjectNode resolved = parameters.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = resolved.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().has("reference")) {
                ((ObjectNode) field.getValue()).remove("reference");
                ((ObjectNode) field.getValue()).put("value", "https://hooks.example.test/cmk-expiry");
            }
        }
        return resolved;
    }

    private static DeploymentContext context(String resourceGroup, String deploymentName) {
        return new DeploymentContext(SUBSCRIPTION_ID, resourceGroup, "westeurope", EmulatedWhatIf.TENANT_ID, deploymentName);
    }

    private static String key(String resourceGroup, String deploymentName) {
        return (resourceGroup + "/" + deploymentName).toLowerCase(Locale.ROOT);
    }

    private static String uuid(String kind, String id) {
        return UUID.nameUUIDFromBytes((kind + id.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
