package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;

import java.util.Optional;

/** Looks through expressions for values known when the model is built, so builders can check them early. */
public final class Values {

    private Values() {
    }

    /** The literal value, or the literal default of a parameter; empty when known only at deploy time. */
    public static Optional<Object> known(Expr expr) {
        if (expr instanceof Literal literal) {
            return Optional.ofNullable(literal.value());
        }
        if (expr instanceof Parameter parameter && parameter.defaultValue() instanceof Literal literal) {
            return Optional.ofNullable(literal.value());
        }
        return Optional.empty();
    }

    public static Optional<String> knownString(Expr expr) {
        return known(expr).filter(String.class::isInstance).map(String.class::cast);
    }

    public static Optional<Long> knownLong(Expr expr) {
        return known(expr).filter(Long.class::isInstance).map(Long.class::cast);
    }
}
