package io.cvmkeys.dsl.write;

import io.cvmkeys.dsl.model.InvalidModelException;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks parameter values against a template before a parameter file is written. */
final class ParameterValues {

    private ParameterValues() {
    }

    /** Rejects values for unknown parameters and literal values for secure parameters. */
    static void checkKnown(Template template, Map<String, ParameterValue> values) {
        List<ModelProblem> problems = new ArrayList<>();
        for (Map.Entry<String, ParameterValue> entry : values.entrySet()) {
            Parameter parameter = template.parameters().get(entry.getKey());
            String subject = "parameter file of template '" + template.name() + "'";
            if (parameter == null) {
                problems.add(new ModelProblem(subject, entry.getKey(), "the template has no such parameter",
                        "remove the value or declare the parameter; known: " + template.parameters().keySet()));
            } else if (parameter.isSecure() && entry.getValue() instanceof ParameterValue.LiteralValue) {
                problems.add(new ModelProblem(subject, entry.getKey(), "a secure parameter would be written in clear",
                        "pass it as a Key Vault secret reference or an environment variable"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
    }
}
