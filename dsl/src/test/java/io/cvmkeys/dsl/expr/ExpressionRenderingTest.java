package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.model.Variable;
import io.cvmkeys.dsl.resources.KeyVault;
import io.cvmkeys.dsl.resources.UserAssignedIdentity;
import io.cvmkeys.dsl.write.ArmTemplateWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionRenderingTest {

    @Test
    void literalStringEscapesQuotesInBothLanguages() {
        Literal literal = Literal.of("it's ${x} \\");

        assertThat(literal.toArmExpression()).isEqualTo("'it''s ${x} \\'");
        assertThat(literal.toBicep(0)).isEqualTo("'it\\'s \\${x} \\\\'");
    }

    @Test
    void literalThatLooksLikeExpressionIsEscapedInArmJson() {
        assertThat(Literal.of("[not an expression]").toArmJson().asText()).isEqualTo("[[not an expression]");
        assertThat(Literal.of("[partial").toArmJson().asText()).isEqualTo("[partial");
    }

    @Test
    void literalBooleansAndNullUseArmFunctions() {
        assertThat(Literal.of(true).toArmExpression()).isEqualTo("true()");
        assertThat(Literal.nullValue().toArmExpression()).isEqualTo("null()");
        assertThat(Literal.of(false).toBicep(0)).isEqualTo("false");
    }

    @Test
    void interpolationRendersFormatAndBicepString() {
        Parameter name = Parameter.string("name");
        Expr expr = Exprs.interpolate("kv-{", name, "}-001");

        assertThat(expr.toArmExpression()).isEqualTo("format('kv-{{{0}}}-001', parameters('name'))");
        assertThat(expr.toBicep(0)).isEqualTo("'kv-{${name}}-001'");
    }

    @Test
    void interpolationOfLiteralsCollapsesToLiteral() {
        assertThat(Exprs.interpolate("a", "b", Literal.of("c"))).isEqualTo(Literal.of("abc"));
    }

    @Test
    void nestedInterpolationIsFlattened() {
        Parameter name = Parameter.string("name");
        Expr inner = Exprs.interpolate("pe-", name);

        Expr outer = Exprs.interpolate(inner, "/default");

        assertThat(outer.toArmExpression()).isEqualTo("format('pe-{0}/default', parameters('name'))");
    }

    @Test
    void functionsRenderTheSameCallInBothLanguages() {
        Parameter principal = Parameter.string("principal");
        FunctionCall guid = Exprs.guid(Exprs.resourceGroup().property("id"), principal);

        assertThat(guid.toArmExpression()).isEqualTo("guid(resourceGroup().id, parameters('principal'))");
        assertThat(guid.toBicep(0)).isEqualTo("guid(resourceGroup().id, principal)");
        assertThat(Exprs.subscriptionResourceId("Microsoft.Authorization/roleDefinitions", Literal.of("x")).toBicep(0))
                .isEqualTo("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'x')");
        assertThat(Exprs.empty(principal).toArmExpression()).isEqualTo("empty(parameters('principal'))");
        assertThat(Exprs.tenant().property("tenantId").toArmExpression()).isEqualTo("tenant().tenantId");
    }

    @Test
    void variableReferenceRendersByName() {
        Variable variable = Variable.of("prefix", Literal.of("avd"));

        assertThat(variable.toArmExpression()).isEqualTo("variables('prefix')");
        assertThat(variable.toBicep(0)).isEqualTo("prefix");
    }

    @Test
    void resourceReferencesRenderIdAndReference() {
        Template template = Template.named("t");
        Parameter identityName = template.parameter(Parameter.string("identityName"));
        UserAssignedIdentity identity = template.add(UserAssignedIdentity.define("identity").withName(identityName).withLocation("westeurope"));

        assertThat(identity.id().toArmExpression())
                .isEqualTo("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))");
        assertThat(identity.id().toBicep(0)).isEqualTo("identity.id");
        assertThat(identity.principalId().toArmExpression()).isEqualTo(
                "reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId");
        assertThat(identity.principalId().toBicep(0)).isEqualTo("identity.properties.principalId");
        assertThat(identity.runtime("identity.type").toArmExpression()).endsWith("'2023-01-31', 'Full').identity.type");
    }

    @Test
    void referencingResourceAddsDependsOn() {
        Template template = Template.named("t");
        KeyVault vault = template.add(KeyVault.define("vault").withName("kv-test-001").withLocation("westeurope"));
        template.add(io.cvmkeys.dsl.resources.GenericResource.define("consumer", "Microsoft.Example/things", "2024-01-01")
                .withName("thing")
                .withProperties(ObjectExpr.create().put("vaultUri", vault.vaultUri())));

        var json = new ArmTemplateWriter().toJson(template);

        assertThat(json.at("/resources/1/dependsOn/0").asText())
                .isEqualTo("[resourceId('Microsoft.KeyVault/vaults', 'kv-test-001')]");
        assertThat(json.at("/resources/0/dependsOn").isMissingNode()).isTrue();
    }

    @Test
    void existingResourceIsReferencedButNotDeployed() {
        Template template = Template.named("t");
        KeyVault vault = template.add(KeyVault.define("vault").withName("kv-test-001").existing());
        template.add(io.cvmkeys.dsl.resources.GenericResource.define("consumer", "Microsoft.Example/things", "2024-01-01")
                .withName("thing")
                .withProperties(ObjectExpr.create().put("vaultId", vault.id())));

        var json = new ArmTemplateWriter().toJson(template);

        assertThat(json.get("resources")).hasSize(1);
        assertThat(json.at("/resources/0/dependsOn").isMissingNode()).isTrue();
    }

    @Test
    void loopRendersCopyInArmAndForInBicep() {
        Parameter receivers = Parameter.array("receivers");
        ObjectExpr properties = ObjectExpr.create().put("emailReceivers",
                ForExpr.forProperty("emailReceivers", receivers, "receiver", item -> ObjectExpr.create()
                        .put("emailAddress", item.property("emailAddress"))));

        assertThat(properties.toArmJson().at("/copy/0/name").asText()).isEqualTo("emailReceivers");
        assertThat(properties.toArmJson().at("/copy/0/count").asText()).isEqualTo("[length(parameters('receivers'))]");
        assertThat(properties.toArmJson().at("/copy/0/input/emailAddress").asText())
                .isEqualTo("[parameters('receivers')[copyIndex('emailReceivers')].emailAddress]");
        assertThat(properties.toBicep(0)).contains("emailReceivers: [for receiver in receivers: {\n")
                .contains("emailAddress: receiver.emailAddress");
    }

    @Test
    void loopOutsideObjectPropertyIsRejectedInArm() {
        ForExpr loop = ForExpr.forProperty("items", Parameter.array("list"), "item", item -> item);

        assertThatThrownBy(loop::toArmExpression)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can only stand as an object property value");
    }

    @Test
    void objectWithExpressionKeyUsesInterpolatedKeyInBicep() {
        Parameter identityId = Parameter.string("identityId");
        ObjectExpr object = ObjectExpr.create().put(identityId, ObjectExpr.create());

        assertThat(object.toBicep(0)).isEqualTo("{\n  '${identityId}': {}\n}");
        assertThat(object.toArmJson().fieldNames().next()).isEqualTo("[parameters('identityId')]");
    }

    @Test
    void arraysAndObjectsInsideCallsUseCreateFunctions() {
        Expr call = Exprs.call("union", ObjectExpr.create().put("a", 1), ArrayExpr.of(List.of(Literal.of("x"))));

        assertThat(call.toArmExpression()).isEqualTo("union(createObject('a', 1), createArray('x'))");
    }
}
