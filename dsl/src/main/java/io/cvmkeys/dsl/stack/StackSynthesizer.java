package io.cvmkeys.dsl.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.write.ArmParametersWriter;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import io.cvmkeys.dsl.write.BicepParamWriter;
import io.cvmkeys.dsl.write.BicepWriter;
import io.cvmkeys.dsl.write.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a stack for review and deployment: per stage {@code <stage>.json}, {@code <stage>.parameters.json},
 * {@code <stage>.bicep} and {@code <stage>.bicepparam}, then {@code main.bicep} and {@code README.md}. Every check
 * runs on every stage, and its results go into the README.
 */
public final class StackSynthesizer {

    private final List<TemplateCheck> checks;

    public StackSynthesizer(List<TemplateCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public Synthesis synthesize(Stack stack) {
        Map<String, String> files = new LinkedHashMap<>();
        List<StageCheckResult> results = new ArrayList<>();
        for (Stage stage : stack.stages()) {
            JsonNode template = new ArmTemplateWriter().toJson(stage.template());
            JsonNode parameters = new ArmParametersWriter().toJson(stage.template(), stage.parameterValues());
            String bicep = new BicepWriter().write(stage.template());

            files.put(stage.name() + ".json", Json.pretty(template));
            files.put(stage.name() + ".parameters.json", Json.pretty(parameters));
            files.put(stage.name() + ".bicep", bicep);
            files.put(stage.name() + ".bicepparam",
                    new BicepParamWriter().write(stage.template(), stage.parameterValues(), stage.name() + ".bicep"));

            for (TemplateCheck check : checks) {
                results.add(new StageCheckResult(stage.name(), check.check(stage, template, parameters, bicep)));
            }
        }
        files.put("main.bicep", new MainBicepWriter().write(stack));
        files.put("README.md", new StackReadme().render(stack, results));
        return new Synthesis(stack, files, results);
    }
}
