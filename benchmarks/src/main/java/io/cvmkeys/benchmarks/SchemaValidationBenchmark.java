package io.cvmkeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.ArmSchemaValidator;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates the reference stack's three ARM JSON templates against the offline ARM schemas with one validator,
 * reused across invocations as the synthesis check reuses it. The validator caches the schemas it builds, and the
 * setup validates each template once, so every iteration runs with all the stack's schemas loaded.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SchemaValidationBenchmark {

    private ArmSchemaValidator validator;
    private List<JsonNode> templates;

    @Setup(Level.Trial)
    public void prepareTemplates() {
        validator = new ArmSchemaValidator(SchemaFolder.fromSystemProperty());
        templates = ReferenceStack.armTemplates(ReferenceStack.build());

        // A template with errors could take a shorter path through the validator, so measure only valid ones.
        for (JsonNode template : templates) {
            List<Finding> errors = validator.validateTemplate(template).stream()
                    .filter(finding -> finding.severity() == Severity.ERROR)
                    .toList();
            if (!errors.isEmpty()) {
                throw new IllegalStateException("The reference stack fails ARM schema validation, so the benchmark"
                        + " would not measure the usual path. Fix the stack first: " + errors);
            }
        }
    }

    @Benchmark
    public void validateStack(Blackhole blackhole) {
        for (JsonNode template : templates) {
            blackhole.consume(validator.validateTemplate(template));
        }
    }
}
