package io.cvmkeys.cli;

import io.cvmkeys.modules.StackDefinition;

/** Loads the stack class a command names. */
final class StackClasses {

    private StackClasses() {
    }

    static StackDefinition instantiate(String className) {
        try {
            Class<?> type = Class.forName(className);
            return (StackDefinition) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("Stack class '" + className + "' cannot be used: " + e
                    + ". Give a public class with a no-argument constructor that implements"
                    + " io.cvmkeys.modules.StackDefinition, on the classpath.");
        }
    }
}
