package io.cvmkeys.emulator.arm;

import java.util.NoSuchElementException;

/**
 * A walk over a deployment's resources in dependency order, evaluating each one only when asked, so that
 * {@code reference()} reads the resources the caller has already PUT:
 *
 * <pre>{@code
 * DeploymentSteps steps = deployment.deploymentSteps();
 * while (steps.hasNext()) {
 *     EvaluatedResource resource = steps.evaluateNext(store::get);
 *     store.put(resource);
 * }
 * }</pre>
 */
public final class DeploymentSteps {

    private final EvaluatedDeployment deployment;
    private int next;

    DeploymentSteps(EvaluatedDeployment deployment) {
        this.deployment = deployment;
    }

    public boolean hasNext() {
        return next < deployment.size();
    }

    /**
     * Evaluates the next resource with {@code reference()} reading {@code current}.
     *
     * @throws ArmExpressionException with code {@code ResourceNotFound} when a referenced resource does not exist
     * @throws NoSuchElementException when every resource has been evaluated
     */
    public EvaluatedResource evaluateNext(ResourceLookup current) {
        if (!hasNext()) {
            throw new NoSuchElementException("Every resource of this deployment has been evaluated.");
        }
        EvaluatedResource resource = deployment.evaluateForDeployment(next, current);
        next++;
        return resource;
    }
}
