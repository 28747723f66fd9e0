package io.cvmkeys.benchmarks;

import java.nio.file.Path;

/** The offline ARM schema folder that the validation benchmark reads, named by a system property. */
final class SchemaFolder {

    /** The same property that the tests and {@code ArmSchemaValidator.fromSystemProperty()} read. */
    static final String PROPERTY = "cvmkeys.armSchemas";

    private SchemaFolder() {
    }

    /**
     * Returns the folder named by {@value #PROPERTY}.
     *
     * @throws IllegalStateException when the property is not set in the benchmark JVM
     */
    static Path fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set in the benchmark JVM."
                    + " Pass the folder that contains schemas/ to the forked JVM, for example"
                    + " -jvmArgsAppend -D" + PROPERTY + "=/path/to/arm-schemas.");
        }
        return Path.of(value);
    }
}
