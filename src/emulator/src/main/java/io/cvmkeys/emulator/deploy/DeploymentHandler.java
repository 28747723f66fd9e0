package io.cvmkeys.emulator.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.resources.ProviderResourceHandler;
import io.cvmkeys.emulator.resources.ResourceBehaviors;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.Operation;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resource-group deployments. PUT runs as a long-running operation: {@code Accepted}, then {@code Running}, then
 * {@code Succeeded} with outputs or {@code Failed} with {@code DeploymentFailed}. POST {@code whatIf} returns 202
 * with a {@code Location} to poll, and POST {@code validate} and {@code cancel} work as in ARM. Template evaluation is
 * delegated to the configured {@link DeploymentEngine}.
 */
public final class DeploymentHandler {
    private static final String TYPE = "Microsoft.Resources/deployments";

    private final EmulatorContext context;
    private final ProviderResourceHandler resources;
    private final ResourceBehaviors behaviors;

    public DeploymentHandler(EmulatorContext context, ProviderResourceHandler resources, ResourceBehaviors behaviors) {
        this.context = context;
        this.resources = resources;
        this.behaviors = behaviors;
    }

    public ArmResponse put(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        StoredResource group = context.requireResourceGroup(id.subscriptionId(), id.resourceGroup());
        ObjectNode requestBody = request.jsonObject();
        Optional<StoredResource> existing = context.store().get(id.id());
        if (existing.isPresent() && isActive(existing.get())) {
            throw ArmException.conflict("DeploymentActive", "The deployment '" + id.name() + "' is already running "
                + "in resource group '" + id.resourceGroup() + "'. Wait for it to finish or cancel it.");
        }
        PlannedDeployment plan = plan(id, group, requestBody);

        Instant started = context.now();
        ObjectNode body = Json.object();
        body.put("id", existing.map(StoredResource::id).orElse(id.id()));
        body.put("name", id.name());
        body.put("type", TYPE);
        ObjectNode properties = body.putObject("properties");
        properties.put("templateHash", Integer.toUnsignedString(requestBody.path("properties").path("template").hashCode()));
        properties.set("parameters", requestBody.path("properties").path("parameters").deepCopy());
        properties.put("mode", requestBody.path("properties").path("mode").asText("Incremental"));
        properties.put("provisioningState", "Accepted");
        properties.put("timestamp", started.toString());
        properties.put("duration", "PT0S");
        properties.put("correlationId", UUID.randomUUID().toString());
        properties.putArray("dependencies");
        StoredResource deployment = new StoredResource(body);
        context.store().put(deployment);
        ObjectNode accepted = body.deepCopy();
        properties.put("provisioningState", "Running");

        Operation operation = context.operations().start(request, id.subscriptionId(), "Microsoft.Resources",
            group.body().path("location").asText(), context.options().operationDuration(),
            () -> {
                apply(deployment, plan, started);
                return null;
            },
            error -> fail(deployment, error, started));
        deployment.internal().put("operationId", operation.id());
        ArmResponse response = existing.isPresent() ? ArmResponse.ok(accepted) : ArmResponse.created(accepted);
        return response.headers(context.operations().pollingHeaders(operation, request.apiVersion()));
    }

    public ArmResponse whatIf(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        StoredResource group = context.requireResourceGroup(id.subscriptionId(), id.resourceGroup());
        PlannedDeployment plan = plan(id, group, request.jsonObject());
        Operation operation = context.operations().start(request, id.subscriptionId(), "Microsoft.Resources",
            group.body().path("location").asText(), context.options().operationDuration(),
            () -> {
                ObjectNode result = Json.object();
                result.put("status", "Succeeded");
                result.putObject("properties").set("changes",
                    context.options().deploymentEngine().whatIf(plan, this::read));
                return result;
            },
            error -> { });
        return ArmResponse.accepted()
            .header("Location", context.operations().url(context.operations().resultPath(operation), request.apiVersion()))
            .header("Retry-After", context.operations().retryAfterSeconds());
    }

    public ArmResponse validate(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        StoredResource group = context.requireResourceGroup(id.subscriptionId(), id.resourceGroup());
        PlannedDeployment plan = plan(id, group, request.jsonObject());
        ObjectNode body = Json.object();
        body.put("id", id.id());
        body.put("name", id.name());
        body.put("type", TYPE);
        ObjectNode properties = body.putObject("properties");
        properties.put("provisioningState", "Succeeded");
        ArrayNode validated = properties.putArray("validatedResources");
        plan.resources().forEach(resource -> validated.addObject().put("id", resource.id()));
        return ArmResponse.ok(body);
    }

    /** Lists the deployment's per-resource operations, or returns one when {@code operationId} is set. */
    public ArmResponse operations(ArmRequest request, ResourceId id, String operationId) {
        request.requireApiVersion();
        StoredResource deployment = context.store().get(id.id()).orElseThrow(() -> new ArmException(404,
            "DeploymentNotFound", "Deployment '" + id.name() + "' could not be found."));
        List<ObjectNode> operations = new java.util.ArrayList<>();
        for (JsonNode operation : deployment.internal().path("operations")) {
            if (operationId == null || operationId.equalsIgnoreCase(operation.path("operationId").asText())) {
                operations.add((ObjectNode) operation.deepCopy());
            }
        }
        if (operationId == null) {
            return ArmResponse.ok(context.pager().page(request, operations));
        }
        if (operations.isEmpty()) {
            throw new ArmException(404, "DeploymentOperationNotFound", "Operation '" + operationId
                + "' of deployment '" + id.name() + "' could not be found.");
        }
        return ArmResponse.ok(operations.get(0));
    }

    public ArmResponse cancel(ArmRequest request, ResourceId id) {
        request.requireApiVersion();
        StoredResource deployment = context.store().get(id.id()).orElseThrow(() -> new ArmException(404,
            "DeploymentNotFound", "Deployment '" + id.name() + "' could not be found."));
        if (!isActive(deployment)) {
            throw ArmException.conflict("DeploymentCannotBeCancelled", "Deployment '" + id.name() + "' is "
                + deployment.properties().path("provisioningState").asText() + " and can no longer be canceled.");
        }
        String operationId = deployment.internal().path("operationId").asText(null);
        ArmException reason = new ArmException(409, "DeploymentCanceled", "Deployment '" + id.name()
            + "' was canceled.");
        if (operationId != null) {
            context.operations().get(operationId).ifPresent(operation -> context.operations().cancel(operation, reason));
        }
        deployment.properties().put("provisioningState", "Canceled");
        return ArmResponse.noContent();
    }

    private PlannedDeployment plan(ResourceId id, StoredResource group, ObjectNode requestBody) {
        JsonNode properties = requestBody.path("properties");
        if (properties.has("templateLink")) {
            throw ArmException.badRequest("InvalidTemplate", "Deployment '" + id.name() + "' uses templateLink, "
                + "which the emulator cannot fetch; send the template inline in properties.template.");
        }
        if (!properties.path("template").isObject()) {
            throw ArmException.badRequest("InvalidRequestContent", "Deployment '" + id.name()
                + "' has no properties.template object.");
        }
        DeploymentRequest deploymentRequest = new DeploymentRequest(id.subscriptionId(), id.resourceGroup(),
            group.body().path("location").asText(), context.tenantId(), id.name(), properties.get("template"),
            properties.path("parameters"));
        try {
            return context.options().deploymentEngine().plan(deploymentRequest, this::read);
        } catch (DeploymentEngineException e) {
            throw ArmException.badRequest(e.code(), e.getMessage());
        }
    }

    /**
     * Writes each planned resource through the same PUT path clients use, then records outputs.
     * NOTE: a resource whose own PUT is long-running (a disk encryption set) may still be updating when the
     * deployment reports Succeeded, although ARM would wait for it.
     */
    private void apply(StoredResource deployment, PlannedDeployment plan, Instant started) {
        ArrayNode outputResources = deployment.properties().putArray("outputResources");
        ArrayNode operations = deployment.internal().putArray("operations");
        for (PlannedResource planned : plan.resources()) {
            ArmResponse response;
            PlannedResource resource = planned;
            try {
                resource = plan.resolveForWrite(planned, this::read);
                byte[] body = Json.MAPPER.writeValueAsBytes(resource.body());
                ArmRequest put = new ArmRequest("PUT", resource.id(), "api-version=" + resource.apiVersion(), body);
                response = resources.put(put, ResourceId.parse(resource.id()));
            } catch (ArmException e) {
                operations.add(DeploymentOperations.record(deployment, resource, e.status(), e, context.now()));
                throw new ArmException(400, "DeploymentFailed", "At least one resource deployment operation failed. "
                    + "Please list deployment operations for details.", List.of(e));
            } catch (DeploymentEngineException e) {
                ArmException cause = new ArmException(400, e.code(), e.getMessage());
                operations.add(DeploymentOperations.record(deployment, resource, 400, cause, context.now()));
                throw new ArmException(400, "DeploymentFailed", "At least one resource deployment operation failed. "
                    + "Please list deployment operations for details.", List.of(cause));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Failed to serialize planned resource " + resource.id(), e);
            }
            operations.add(DeploymentOperations.record(deployment, resource, response.status(), null, context.now()));
            outputResources.addObject().put("id", resource.id());
        }
        try {
            deployment.properties().set("outputs", plan.outputs(this::read));
        } catch (DeploymentEngineException e) {
            throw new ArmException(400, "DeploymentFailed", "The deployment outputs could not be evaluated.",
                List.of(new ArmException(400, e.code(), e.getMessage())));
        }
        deployment.properties().put("provisioningState", "Succeeded");
        deployment.properties().put("duration", Duration.between(started, context.now()).toString());
    }

    private void fail(StoredResource deployment, ArmException error, Instant started) {
        boolean canceled = "DeploymentCanceled".equals(error.code());
        deployment.properties().put("provisioningState", canceled ? "Canceled" : "Failed");
        deployment.properties().put("duration", Duration.between(started, context.now()).toString());
        ArmException reported = canceled || "DeploymentFailed".equals(error.code()) ? error
            : new ArmException(400, "DeploymentFailed", "At least one resource deployment operation failed. "
                + "Please list deployment operations for details.", List.of(error));
        deployment.properties().set("error", reported.toErrorObject());
    }

    private Optional<ObjectNode> read(String resourceId) {
        return context.store().get(resourceId)
            .map(resource -> behaviors.forType(resource.type()).render(context, resource,
                new ArmRequest("GET", resourceId, "", new byte[0])));
    }

    private static boolean isActive(StoredResource deployment) {
        String state = deployment.properties().path("provisioningState").asText();
        return state.equals("Accepted") || state.equals("Running");
    }
}
