package io.cvmkeys.dsl.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArmExpressionsTest {

    @Test
    void recognisesExpressions() {
        assertThat(ArmExpressions.isExpression("[parameters('vaultName')]")).isTrue();
        assertThat(ArmExpressions.isExpression("[]")).isTrue();
    }

    @Test
    void rejectsLiterals() {
        assertThat(ArmExpressions.isExpression("[[not an expression]")).isFalse();
        assertThat(ArmExpressions.isExpression("kv1")).isFalse();
        assertThat(ArmExpressions.isExpression("[open")).isFalse();
        assertThat(ArmExpressions.isExpression((String) null)).isFalse();
    }
}
