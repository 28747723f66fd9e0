/**
 * ARM template evaluation and What-If for the emulator, without HTTP.
 *
 * <p>The server serves What-If and a deployment with these calls:
 * <pre>{@code
 * EvaluatedDeployment deployment = TemplateEvaluator.evaluate(template, parameters, context, store::get);
 * ObjectNode whatIf = WhatIfCalculator.compute(deployment, store::get);          // POST .../whatIf
 *
 * DeploymentSteps steps = deployment.deploymentSteps();                          // PUT .../deployments/{name}
 * while (steps.hasNext()) {
 *     store.put(steps.evaluateNext(store::get));
 * }
 * ObjectNode outputs = deployment.evaluateOutputs(store::get);
 * }</pre>
 * Every error is an {@link io.cvmkeys.emulator.arm.ArmExpressionException} whose code goes into ARM's error
 * envelope: {@code InvalidTemplate} for the template and its parameters, {@code ResourceNotFound} for a
 * {@code reference()} to a resource that does not exist.
 */
package io.cvmkeys.emulator.arm;
