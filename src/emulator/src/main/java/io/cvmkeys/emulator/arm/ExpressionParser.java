package io.cvmkeys.emulator.arm;

import io.cvmkeys.emulator.arm.Expression.FunctionCall;
import io.cvmkeys.emulator.arm.Expression.IndexAccess;
import io.cvmkeys.emulator.arm.Expression.IntegerLiteral;
import io.cvmkeys.emulator.arm.Expression.PropertyAccess;
import io.cvmkeys.emulator.arm.Expression.StringLiteral;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizer and recursive-descent parser for ARM template language expressions.
 *
 * <p>Grammar, over the text between the outer brackets:
 * <pre>
 * expression := primary ( '.' identifier | '[' expression ']' )*
 * primary    := string | integer | identifier '(' ( expression ( ',' expression )* )? ')'
 * </pre>
 * Strings use single quotes with {@code ''} as the escaped quote. {@code true}, {@code false} and {@code null} are
 * functions ({@code true()}), as in ARM.
 */
final class ExpressionParser {

    private final String text;
    private final List<Token> tokens;
    private int next;

    private ExpressionParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Returns whether a JSON string value is a template expression: it starts with {@code [} and ends with
     * {@code ]}, and does not start with the {@code [[} escape.
     */
    static boolean isExpression(String value) {
        return value.length() > 2 && value.startsWith("[") && value.endsWith("]") && !value.startsWith("[[");
    }

    /** Returns the literal a JSON string stands for when it is not an expression: {@code [[x]} becomes {@code [x]}. */
    static String unescapeLiteral(String value) {
        if (value.startsWith("[[") && value.endsWith("]")) {
            return value.substring(1);
        }
        return value;
    }

    /** Parses an expression string including its outer brackets, such as {@code [parameters('a')]}. */
    static Expression parse(String expressionText) {
        if (!isExpression(expressionText)) {
            throw syntaxError(expressionText, 0, "an expression must start with '[' and end with ']'");
        }
        List<Token> tokens = Tokenizer.tokenize(expressionText);
        ExpressionParser parser = new ExpressionParser(expressionText, tokens);
        Expression expression = parser.parseExpression();
        Token trailing = parser.peek();
        if (trailing.kind() != TokenKind.END) {
            throw syntaxError(expressionText, trailing.position(),
                    "unexpected " + trailing.describe() + " after the end of the expression");
        }
        return expression;
    }

    private Expression parseExpression() {
        Expression expression = parsePrimary();

        while (true) {
            Token token = peek();
            if (token.kind() == TokenKind.DOT) {
                next++;
                Token property = expect(TokenKind.IDENTIFIER, "a property name after '.'");
                expression = new PropertyAccess(expression, property.text(), token.position());
            } else if (token.kind() == TokenKind.LEFT_BRACKET) {
                next++;
                Expression index = parseExpression();
                expect(TokenKind.RIGHT_BRACKET, "']' to close the index");
                expression = new IndexAccess(expression, index, token.position());
            } else {
                return expression;
            }
        }
    }

    private Expression parsePrimary() {
        Token token = peek();
        switch (token.kind()) {
            case STRING:
                next++;
                return new StringLiteral(token.text(), token.position());
            case INTEGER:
                next++;
                return new IntegerLiteral(parseInteger(token), token.position());
            case IDENTIFIER:
                next++;
                return parseCall(token);
            default:
                throw syntaxError(text, token.position(),
                        "expected a function call, a string or an integer but found " + token.describe());
        }
    }

    private Expression parseCall(Token name) {
        expect(TokenKind.LEFT_PARENTHESIS, "'(' after the function name '" + name.text() + "'");
        List<Expression> arguments = new ArrayList<>();
        if (peek().kind() == TokenKind.RIGHT_PARENTHESIS) {
            next++;
            return new FunctionCall(name.text(), arguments, name.position());
        }

        while (true) {
            arguments.add(parseExpression());
            Token separator = peek();
            if (separator.kind() == TokenKind.COMMA) {
                next++;
            } else if (separator.kind() == TokenKind.RIGHT_PARENTHESIS) {
                next++;
                return new FunctionCall(name.text(), arguments, name.position());
            } else {
                throw syntaxError(text, separator.position(),
                        "expected ',' or ')' in the arguments of '" + name.text() + "' but found "
                                + separator.describe());
            }
        }
    }

    private long parseInteger(Token token) {
        try {
            return Long.parseLong(token.text());
        } catch (NumberFormatException e) {
            throw syntaxError(text, token.position(), "the integer '" + token.text() + "' is out of range");
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(TokenKind kind, String expected) {
        Token token = peek();
        if (token.kind() != kind) {
            throw syntaxError(text, token.position(), "expected " + expected + " but found " + token.describe());
        }
        next++;
        return token;
    }

    static ArmExpressionException syntaxError(String expressionText, int position, String detail) {
        return ArmExpressionException.invalidTemplate("The template language expression '" + expressionText
                + "' is not valid: " + detail + " at position " + position + ".");
    }

    enum TokenKind {
        STRING, INTEGER, IDENTIFIER, LEFT_PARENTHESIS, RIGHT_PARENTHESIS, LEFT_BRACKET, RIGHT_BRACKET, COMMA, DOT, END
    }

    record Token(TokenKind kind, String text, int position) {

        String describe() {
            return switch (kind) {
                case END -> "the end of the expression";
                case STRING -> "the string '" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    /** Splits the text between the outer brackets into tokens; positions count from the opening bracket. */
    static final class Tokenizer {

        private Tokenizer() {
        }

        static List<Token> tokenize(String expressionText) {
            List<Token> tokens = new ArrayList<>();
            int end = expressionText.length() - 1;
            int i = 1;

            while (i < end) {
                char c = expressionText.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'') {
                    i = readString(expressionText, i, end, tokens);
                } else if (isDigit(c) || (c == '-' && i + 1 < end && isDigit(expressionText.charAt(i + 1)))) {
                    int start = i;
                    i++;
                    while (i < end && isDigit(expressionText.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(TokenKind.INTEGER, expressionText.substring(start, i), start));
                } else if (Character.isLetter(c) || c == '_' || c == '$') {
                    int start = i;
                    while (i < end && isIdentifierPart(expressionText.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(TokenKind.IDENTIFIER, expressionText.substring(start, i), start));
                } else {
                    tokens.add(new Token(symbolKind(expressionText, c, i), String.valueOf(c), i));
                    i++;
                }
            }

            tokens.add(new Token(TokenKind.END, "", end));
            return tokens;
        }

        private static int readString(String expressionText, int start, int end, List<Token> tokens) {
            StringBuilder value = new StringBuilder();
            int i = start + 1;
            while (i < end) {
                char c = expressionText.charAt(i);
                if (c == '\'') {
                    // Two single quotes inside a string stand for one quote character.
                    if (i + 1 < end && expressionText.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                        continue;
                    }
                    tokens.add(new Token(TokenKind.STRING, value.toString(), start));
                    return i + 1;
                }
                value.append(c);
                i++;
            }
            throw syntaxError(expressionText, start, "the string starting here is not closed with a single quote");
        }

        private static TokenKind symbolKind(String expressionText, char c, int position) {
            return switch (c) {
                case '(' -> TokenKind.LEFT_PARENTHESIS;
                case ')' -> TokenKind.RIGHT_PARENTHESIS;
                case '[' -> TokenKind.LEFT_BRACKET;
                case ']' -> TokenKind.RIGHT_BRACKET;
                case ',' -> TokenKind.COMMA;
                case '.' -> TokenKind.DOT;
                default -> throw syntaxError(expressionText, position, "unexpected character '" + c + "'");
            };
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isIdentifierPart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
