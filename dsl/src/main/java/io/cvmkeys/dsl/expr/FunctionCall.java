package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * A call of a template function that has the same name and arguments in ARM and Bicep, such as {@code guid},
 * {@code subscriptionResourceId}, {@code tenant} or {@code empty}. Use it directly for any function the
 * factories in {@link Exprs} do not cover.
 */
public final class FunctionCall implements Expr {

    private final String name;
    private final List<Expr> arguments;

    public FunctionCall(String name, List<? extends Expr> arguments) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
    }

    public String name() {
        return name;
    }

    public List<Expr> arguments() {
        return arguments;
    }

    @Override
    public String toArmExpression() {
        StringJoiner call = new StringJoiner(", ", name + "(", ")");
        arguments.forEach(argument -> call.add(argument.toArmExpression()));
        return call.toString();
    }

    @Override
    public String toBicep(int indent) {
        StringJoiner call = new StringJoiner(", ", name + "(", ")");
        arguments.forEach(argument -> call.add(argument.toBicep(indent)));
        return call.toString();
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        arguments.forEach(argument -> argument.collectReferences(references));
    }
}
