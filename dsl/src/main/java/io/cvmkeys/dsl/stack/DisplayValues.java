package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Interpolation;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.write.ParameterValue;

/** Resolves names for reports: parameter references become the stage's values where they are literal. */
final class DisplayValues {

    private DisplayValues() {
    }

    static String of(Expr expr, Stage stage) {
        if (expr instanceof Literal literal) {
            return String.valueOf(literal.value());
        }
        if (expr instanceof Parameter parameter) {
            ParameterValue value = stage.parameterValues().get(parameter.name());
            if (value instanceof ParameterValue.LiteralValue literal && literal.value().isValueNode()) {
                return literal.value().asText();
            }
            for (StageInput input : stage.inputs()) {
                if (input.parameter().equals(parameter.name())) {
                    return "(" + input.fromStage() + " output " + input.output() + ")";
                }
            }
            return "(parameter " + parameter.name() + ")";
        }
        if (expr instanceof Interpolation interpolation) {
            StringBuilder text = new StringBuilder();
            interpolation.parts().forEach(part -> text.append(of(part, stage)));
            return text.toString();
        }
        return expr.toBicep(0);
    }
}
