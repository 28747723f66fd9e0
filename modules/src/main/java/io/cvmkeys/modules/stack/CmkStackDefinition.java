package io.cvmkeys.modules.stack;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.StackDefinition;
import io.cvmkeys.modules.env.Environment;

/** The customer-managed key stack as it ships, the default stack of the plugin and the CLI. */
public class CmkStackDefinition implements StackDefinition {

    @Override
    public Stack build(Environment environment) {
        return CmkStack.build(environment);
    }
}
