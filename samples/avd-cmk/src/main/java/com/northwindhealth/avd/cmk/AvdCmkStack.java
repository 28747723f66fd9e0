package com.northwindhealth.avd.cmk;

import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.StackDefinition;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.stack.CmkStack;

/**
 * The key stack of the AVD session hosts: the cvmkeys stack as it ships. A team that needs more (another role, a
 * second alert) builds its stages here with the same builders.
 */
public class AvdCmkStack implements StackDefinition {

    @Override
    public Stack build(Environment environment) {
        return CmkStack.build(environment);
    }
}
