package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.Expr;

import java.util.Objects;

/** A deployment output: a value the next stage or the operator needs, such as the versioned key URI. */
public record Output(String name, ParameterType type, Expr value, String description) {

    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Output string(String name, Expr value, String description) {
        return new Output(name, ParameterType.STRING, value, description);
    }
}
