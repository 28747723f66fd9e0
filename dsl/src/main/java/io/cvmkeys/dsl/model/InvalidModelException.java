package io.cvmkeys.dsl.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a resource or template breaks a rule; the message lists every problem found, one per line. */
public class InvalidModelException extends IllegalArgumentException {

    private final transient List<ModelProblem> problems;

    public InvalidModelException(List<ModelProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }

    private static String format(List<ModelProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).message();
        }
        return problems.size() + " problems:\n" + problems.stream()
                .map(problem -> "- " + problem.message())
                .collect(Collectors.joining("\n"));
    }
}
