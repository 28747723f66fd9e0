package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.BicepStrings;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A template parameter. It is also an expression: using it as a value renders {@code parameters('name')} in ARM
 * and the bare name in Bicep.
 */
public final class Parameter implements Expr {

    private final String name;
    private final ParameterType type;
    private boolean secure;
    private String description;
    private final List<Expr> allowedValues = new ArrayList<>();
    private Integer minLength;
    private Integer maxLength;
    private Long minValue;
    private Long maxValue;
    private Expr defaultValue;

    private Parameter(String name, ParameterType type) {
        if (!BicepStrings.isValidSymbol(name)) {
            throw new InvalidModelException(List.of(new ModelProblem("parameter '" + name + "'", "name",
                    "'" + name + "' is not a valid parameter name",
                    "use letters, digits and underscores, starting with a letter, and no Bicep keyword")));
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
    }

    public static Parameter string(String name) {
        return new Parameter(name, ParameterType.STRING);
    }

    /** A string parameter whose value ARM never logs or returns, such as a webhook URI with a token. */
    public static Parameter secureString(String name) {
        Parameter parameter = new Parameter(name, ParameterType.STRING);
        parameter.secure = true;
        return parameter;
    }

    public static Parameter integer(String name) {
        return new Parameter(name, ParameterType.INT);
    }

    public static Parameter bool(String name) {
        return new Parameter(name, ParameterType.BOOL);
    }

    public static Parameter object(String name) {
        return new Parameter(name, ParameterType.OBJECT);
    }

    public static Parameter array(String name) {
        return new Parameter(name, ParameterType.ARRAY);
    }

    public Parameter withDescription(String description) {
        this.description = description;
        return this;
    }

    public Parameter withAllowedValues(String... values) {
        allowedValues.clear();
        for (String value : values) {
            allowedValues.add(Literal.of(value));
        }
        return this;
    }

    public Parameter withAllowedValues(long... values) {
        allowedValues.clear();
        for (long value : values) {
            allowedValues.add(Literal.of(value));
        }
        return this;
    }

    public Parameter withMinLength(int minLength) {
        this.minLength = minLength;
        return this;
    }

    public Parameter withMaxLength(int maxLength) {
        this.maxLength = maxLength;
        return this;
    }

    public Parameter withMinValue(long minValue) {
        this.minValue = minValue;
        return this;
    }

    public Parameter withMaxValue(long maxValue) {
        this.maxValue = maxValue;
        return this;
    }

    /** Sets the default: a literal or an expression such as {@code resourceGroup().location}. */
    public Parameter withDefault(Expr defaultValue) {
        if (secure && defaultValue != null) {
            throw new InvalidModelException(List.of(new ModelProblem("parameter '" + name + "'", "defaultValue",
                    "a secure parameter must not have a default value, because the default is stored in the template",
                    "remove the default and pass the value at deployment time")));
        }
        this.defaultValue = defaultValue;
        return this;
    }

    public Parameter withDefault(String defaultValue) {
        return withDefault(Literal.of(defaultValue));
    }

    public Parameter withDefault(long defaultValue) {
        return withDefault(Literal.of(defaultValue));
    }

    public Parameter withDefault(boolean defaultValue) {
        return withDefault(Literal.of(defaultValue));
    }

    public String name() {
        return name;
    }

    public ParameterType type() {
        return type;
    }

    public boolean isSecure() {
        return secure;
    }

    public String description() {
        return description;
    }

    public List<Expr> allowedValues() {
        return List.copyOf(allowedValues);
    }

    public Integer minLength() {
        return minLength;
    }

    public Integer maxLength() {
        return maxLength;
    }

    public Long minValue() {
        return minValue;
    }

    public Long maxValue() {
        return maxValue;
    }

    public Expr defaultValue() {
        return defaultValue;
    }

    @Override
    public String toArmExpression() {
        return "parameters(" + Literal.of(name).toArmExpression() + ")";
    }

    @Override
    public String toBicep(int indent) {
        return name;
    }

    @Override
    public String toString() {
        return "parameter '" + name + "'";
    }
}
