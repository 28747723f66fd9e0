package io.cvmkeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.policy.ParameterValues;
import io.cvmkeys.dsl.policy.PolicyEngine;
import io.cvmkeys.dsl.stack.Stack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates the Confidential VM customer-managed key rule pack on the reference stack's three ARM JSON templates.
 * As in synthesis, each stage's engine resolves parameters from that stage's parameter file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PolicyBenchmark {

    private List<JsonNode> templates;
    private List<PolicyEngine> engines;

    @Setup(Level.Trial)
    public void prepareTemplates() {
        Stack stack = ReferenceStack.build();
        templates = ReferenceStack.armTemplates(stack);

        PolicyEngine engine = PolicyEngine.confidentialVmCmk();
        engines = new ArrayList<>();
        for (JsonNode parameterFile : ReferenceStack.armParameterFiles(stack)) {
            engines.add(engine.withParameterValues(ParameterValues.fromParametersFile(parameterFile)));
        }
    }

    @Benchmark
    public void evaluateStack(Blackhole blackhole) {
        for (int i = 0; i < templates.size(); i++) {
            blackhole.consume(engines.get(i).evaluate(templates.get(i)));
        }
    }
}
