package io.cvmkeys.engine.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.engine.ProgressListener;

import java.util.Optional;

/**
 * The resource-group deployment operations the engine uses, so the engine's logic runs the same against the SDK and
 * against an in-memory ARM in tests. Every ARM failure is an {@link ArmOperationException} with ARM's code and
 * message.
 */
public interface ArmDeploymentClient {

    /**
     * Runs What-If in Incremental mode and returns ARM's result body,
     * {@code {"status": ..., "properties": {"changes": [...]}}}.
     *
     * @param parameters the deployment's {@code parameters} object, {@code {"name": {"value": ...}}}
     */
    JsonNode whatIf(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters);

    /**
     * Deploys in Incremental mode, waiting for the long-running operation, and returns the deployment's outputs in
     * ARM's shape {@code {"name": {"type": ..., "value": ...}}}.
     */
    ObjectNode deploy(String resourceGroup, String deploymentName, JsonNode template, JsonNode parameters,
            ProgressListener listener);

    /** Returns the outputs of the named deployment when it exists and succeeded. */
    Optional<ObjectNode> succeededDeploymentOutputs(String resourceGroup, String deploymentName);
}
