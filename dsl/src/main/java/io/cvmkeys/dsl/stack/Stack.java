package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.model.InvalidModelException;
import io.cvmkeys.dsl.model.ModelProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stages deployed in order, each after the stages whose outputs it takes, plus a short summary for reviewers.
 * Construction checks that every input names an earlier stage and one of its outputs.
 */
public final class Stack {

    private final String name;
    private final String environment;
    private final List<Stage> stages;
    private final List<String> summary;

    public Stack(String name, String environment, List<Stage> stages, List<String> summary) {
        this.name = name;
        this.environment = environment;
        this.stages = List.copyOf(stages);
        this.summary = List.copyOf(summary);
        checkInputs();
    }

    public String name() {
        return name;
    }

    /** Returns the environment the stack was built for, for example {@code prd}. */
    public String environment() {
        return environment;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Lines a reviewer reads first: key type and size, expiry and first alert, who is alerted. */
    public List<String> summary() {
        return summary;
    }

    public Stage stage(String stageName) {
        return stages.stream().filter(stage -> stage.name().equals(stageName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Stack '" + name + "' has no stage '" + stageName
                        + "'. Stages: " + stages.stream().map(Stage::name).toList()));
    }

    private void checkInputs() {
        List<ModelProblem> problems = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        for (Stage stage : stages) {
            if (!earlier.add(stage.name())) {
                problems.add(new ModelProblem("stack '" + name + "'", "stages", "stage '" + stage.name()
                        + "' appears twice", "give each stage its own template name"));
            }
            for (StageInput input : stage.inputs()) {
                checkInput(stage, input, earlier, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
    }

    private void checkInput(Stage stage, StageInput input, Set<String> earlier, List<ModelProblem> problems) {
        String subject = "stage '" + stage.name() + "'";
        if (!stage.template().parameters().containsKey(input.parameter())) {
            problems.add(new ModelProblem(subject, input.parameter(), "the template has no such parameter",
                    "wire an existing parameter"));
        }
        if (!earlier.contains(input.fromStage()) || input.fromStage().equals(stage.name())) {
            problems.add(new ModelProblem(subject, input.parameter(), "it takes an output of '" + input.fromStage()
                    + "', which is not an earlier stage", "order the stages so that '" + input.fromStage() + "' comes first"));
            return;
        }
        if (!stage(input.fromStage()).template().outputs().containsKey(input.output())) {
            problems.add(new ModelProblem(subject, input.parameter(), "stage '" + input.fromStage() + "' has no output '"
                    + input.output() + "'", "add the output to that stage's template"));
        }
    }
}
