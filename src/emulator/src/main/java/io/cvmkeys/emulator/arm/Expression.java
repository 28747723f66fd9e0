package io.cvmkeys.emulator.arm;

import java.util.List;

/**
 * Syntax tree of one ARM template language expression, the text between the outer {@code [} and {@code ]}.
 * Each node keeps its zero-based position in the whole expression string for error messages.
 */
sealed interface Expression {

    int position();

    /** String literal, already unescaped ({@code ''} becomes {@code '}). */
    record StringLiteral(String value, int position) implements Expression {
    }

    /** Integer literal. ARM expressions have no floating-point literals. */
    record IntegerLiteral(long value, int position) implements Expression {
    }

    /** Function call such as {@code parameters('name')}; {@code name} keeps the template's casing. */
    record FunctionCall(String name, List<Expression> arguments, int position) implements Expression {

        public FunctionCall {
            arguments = List.copyOf(arguments);
        }
    }

    /** Property access {@code target.property}. */
    record PropertyAccess(Expression target, String property, int position) implements Expression {
    }

    /** Index access {@code target[index]}, by array position or by property name. */
    record IndexAccess(Expression target, Expression index, int position) implements Expression {
    }
}
