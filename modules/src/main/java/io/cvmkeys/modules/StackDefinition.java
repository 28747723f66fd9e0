package io.cvmkeys.modules;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.env.Environment;

/**
 * Definition of an infra project's stack: given a checked environment, it returns the stages to deploy.
 * The Maven plugin and the CLI instantiate it by class name through a public no-argument constructor.
 */
public interface StackDefinition {

    Stack build(Environment environment);
}
