package io.cvmkeys.benchmarks;

import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.dsl.write.BicepWriter;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.stack.CmkStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Builds the full stack for the reference environment and writes every stage's template as ARM JSON and as Bicep.
 * The environment file is read and validated once per trial, so only the stack code and the writers are measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StackSynthesisBenchmark {

    private Environment environment;
    private ArmTemplateWriter armWriter;
    private BicepWriter bicepWriter;

    @Setup(Level.Trial)
    public void loadEnvironment() {
        environment = ReferenceStack.loadEnvironment();
        armWriter = new ArmTemplateWriter();
        bicepWriter = new BicepWriter();
    }

    @Benchmark
    public void buildAndWrite(Blackhole blackhole) {
        Stack stack = CmkStack.build(environment);

        for (Stage stage : stack.stages()) {
            Template template = stage.template();
            blackhole.consume(armWriter.write(template));
            blackhole.consume(bicepWriter.write(template));
        }
    }
}
