package io.cvmkeys.modules;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.env.Environment;

/**
 * What an infra project implements to define its stack: given a checked environment, return the stages to deploy.
 * The Maven plugin and the CLI instantiate it by class name through a public no-argument constructor.
 */
public interface StackDefinition {

    Stack build(Environment environment);
}
