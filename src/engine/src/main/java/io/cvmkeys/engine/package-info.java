/**
 * Deployment engine: What-If per stage, safety gates, approval and resumable stage-by-stage deployment of a
 * {@link io.cvmkeys.dsl.stack.Stack} through the Azure SDK for Java. {@link io.cvmkeys.engine.Engine} is the entry.
 */
package io.cvmkeys.engine;
