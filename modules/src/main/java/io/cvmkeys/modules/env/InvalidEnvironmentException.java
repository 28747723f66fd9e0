package io.cvmkeys.modules.env;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an environment file breaks the schema or a rule; the message lists every problem, one per line. */
public class InvalidEnvironmentException extends RuntimeException {

    private final transient List<EnvironmentProblem> problems;

    public InvalidEnvironmentException(Path file, List<EnvironmentProblem> problems) {
        super("Environment file " + file + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n" + problems.stream().map(problem -> "- " + problem.toLine()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<EnvironmentProblem> problems() {
        return problems;
    }
}
