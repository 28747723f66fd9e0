package io.cvmkeys.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cvmkeys.emulator.arm.Expression.FunctionCall;
import io.cvmkeys.emulator.arm.Expression.IndexAccess;
import io.cvmkeys.emulator.arm.Expression.IntegerLiteral;
import io.cvmkeys.emulator.arm.Expression.PropertyAccess;
import io.cvmkeys.emulator.arm.Expression.StringLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[parameters('a')]|true",
        "[[literal]|false",
        "[]|false",
        "[x|false",
        "x]|false",
        "text [with] brackets|false",
        "' [a] '|false"
    })
    void expressionDetection(String value, boolean expected) {
        assertThat(ExpressionParser.isExpression(value)).isEqualTo(expected);
    }

    @Test
    void escapedLiteralLosesOneBracket() {
        assertThat(ExpressionParser.unescapeLiteral("[[cvmkeys] key")).isEqualTo("[[cvmkeys] key");
        assertThat(ExpressionParser.unescapeLiteral("[[not an expression]")).isEqualTo("[not an expression]");
        assertThat(ExpressionParser.unescapeLiteral("plain")).isEqualTo("plain");
    }

    @Test
    void callWithWhitespaceAndNestedCalls() {
        Expression expression = ExpressionParser.parse("[ concat ( 'a' , toLower( 'B' ) ) ]");

        assertThat(expression).isInstanceOf(FunctionCall.class);
        FunctionCall concat = (FunctionCall) expression;
        assertThat(concat.name()).isEqualTo("concat");
        assertThat(concat.arguments()).hasSize(2);
        assertThat(concat.arguments().get(0)).isEqualTo(new StringLiteral("a", 11));
        assertThat(((FunctionCall) concat.arguments().get(1)).name()).isEqualTo("toLower");
    }

    @Test
    void propertyAndIndexAccessChain() {
        Expression expression = ExpressionParser.parse("[parameters('x').y[0]['z']]");

        assertThat(expression).isInstanceOf(IndexAccess.class);
        IndexAccess byName = (IndexAccess) expression;
        assertThat(byName.index()).isEqualTo(new StringLiteral("z", 22));
        IndexAccess byPosition = (IndexAccess) byName.target();
        assertThat(byPosition.index()).isEqualTo(new IntegerLiteral(0, 19));
        PropertyAccess property = (PropertyAccess) byPosition.target();
        assertThat(property.property()).isEqualTo("y");
        assertThat(((FunctionCall) property.target()).name()).isEqualTo("parameters");
    }

    @Test
    void doubledQuoteIsOneQuote() {
        assertThat(ExpressionParser.parse("['it''s']")).isEqualTo(new StringLiteral("it's", 1));
        assertThat(ExpressionParser.parse("['''']")).isEqualTo(new StringLiteral("'", 1));
        assertThat(ExpressionParser.parse("['']")).isEqualTo(new StringLiteral("", 1));
    }

    @Test
    void stringMayContainBracketsAndCommas() {
        Expression expression = ExpressionParser.parse("[concat('[a], (b)', 'c')]");

        assertThat(((FunctionCall) expression).arguments().get(0)).isEqualTo(new StringLiteral("[a], (b)", 8));
    }

    @Test
    void negativeInteger() {
        assertThat(ExpressionParser.parse("[-12]")).isEqualTo(new IntegerLiteral(-12, 1));
    }

    @Test
    void callWithoutArguments() {
        assertThat(ExpressionParser.parse("[true()]")).isEqualTo(new FunctionCall("true", java.util.List.of(), 1));
    }

    @Test
    void missingArgumentNamesPosition() {
        assertThatThrownBy(() -> ExpressionParser.parse("[concat('a',)]"))
                .isInstanceOf(ArmExpressionException.class)
                .hasMessage("The template language expression '[concat('a',)]' is not valid: expected a function"
                        + " call, a string or an integer but found ')' at position 12.");
    }

    @Test
    void unclosedCallNamesEnd() {
        assertThatThrownBy(() -> ExpressionParser.parse("[concat('a'"))
                .hasMessageContaining("is not valid")
                .hasMessageContaining("an expression must start with '[' and end with ']'");
        assertThatThrownBy(() -> ExpressionParser.parse("[concat('a']"))
                .hasMessageContaining("expected ',' or ')' in the arguments of 'concat' but found the end of the"
                        + " expression at position 11");
    }

    @Test
    void unclosedStringNamesItsStart() {
        assertThatThrownBy(() -> ExpressionParser.parse("[concat('a', 'b]"))
                .hasMessageContaining("the string starting here is not closed with a single quote at position 13");
    }

    @Test
    void trailingTokenRejected() {
        assertThatThrownBy(() -> ExpressionParser.parse("[parameters('a'))]"))
                .hasMessageContaining("unexpected ')' after the end of the expression at position 16");
    }

    @Test
    void bareIdentifierNeedsParentheses() {
        assertThatThrownBy(() -> ExpressionParser.parse("[true]"))
                .hasMessageContaining("expected '(' after the function name 'true' but found the end of the"
                        + " expression at position 5");
    }

    @Test
    void unexpectedCharacterRejected() {
        assertThatThrownBy(() -> ExpressionParser.parse("[concat('a' + 'b')]"))
                .isInstanceOf(ArmExpressionException.class)
                .hasMessageContaining("unexpected character '+' at position 12");
    }

    @Test
    void propertyNameRequiredAfterDot() {
        assertThatThrownBy(() -> ExpressionParser.parse("[resourceGroup().]"))
                .hasMessageContaining("expected a property name after '.'");
    }

    @Test
    void errorCarriesInvalidTemplateCode() {
        assertThatThrownBy(() -> ExpressionParser.parse("[(]"))
                .isInstanceOfSatisfying(ArmExpressionException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidTemplate"));
    }
}
