package io.cvmkeys.modules.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.resources.ActionGroup;
import io.cvmkeys.dsl.resources.EventSubscription;
import io.cvmkeys.dsl.resources.EventSubscriptionDestination;
import io.cvmkeys.dsl.resources.SystemTopic;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.dsl.write.ParameterValue;
import io.cvmkeys.modules.env.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert stage: an action group, the vault's Event Grid system topic, and a subscription that turns
 * KeyNearExpiry, KeyExpired and KeyNewVersionCreated into Azure Monitor alerts (CloudEvents v1.0).
 */
public final class AlertStage {

    public static final String NAME = "alerts";

    private AlertStage() {
    }

    public static Stage build(Environment environment) {
        Environment.AlertSettings alerts = environment.alerts();
        Template template = Template.named(NAME)
                .withDescription("Key expiry alerting: action group, the vault's system topic and a MonitorAlert subscription");
        Parameter location = template.parameter(Parameter.string("location")
                .withDefault(Exprs.resourceGroup().property("location")));
        Parameter tags = template.parameter(Parameter.object("tags").withDefault(ObjectExpr.create()));
        Parameter vaultId = template.parameter(Parameter.string(StackOutputs.VAULT_ID)
                .withDescription("Resource id of the vault whose key events are alerted, from the vault stage."));
        Parameter actionGroupName = template.parameter(Parameter.string("actionGroupName"));
        Parameter receivers = template.parameter(Parameter.array("emailReceivers")
                .withDescription("E-mail receivers: objects with name and emailAddress."));
        Parameter topicName = template.parameter(Parameter.string("systemTopicName"));
        Parameter severity = template.parameter(Parameter.string("severity")
                .withAllowedValues("Sev0", "Sev1", "Sev2", "Sev3", "Sev4"));

        ActionGroup.Builder actionGroup = ActionGroup.define("keyExpiryActionGroup")
                .withName(actionGroupName)
                .withTags(tags)
                .withGroupShortName(alerts.actionGroupShortName())
                .withEmailReceivers(receivers);
        if (alerts.webhook() != null) {
            Parameter webhook = template.parameter(Parameter.secureString("webhookUri")
                    .withDescription("Webhook receiver URI; it may carry a token, so it is secure."));
            actionGroup.withWebhookReceiver("webhook", webhook);
        }
        ActionGroup group = template.add(actionGroup);

        SystemTopic topic = template.add(SystemTopic.define("vaultSystemTopic")
                .withName(topicName)
                .withLocation(location)
                .withTags(tags)
                .withSource(vaultId));
        template.add(EventSubscription.define("keyExpiryAlert", topic)
                .withName("key-expiry-to-monitor-alert")
                .withDestination(EventSubscriptionDestination.monitorAlert(severity, List.of(group.id()),
                        "The Confidential VM disk key is near expiry, expired or has a new version: plan or check the"
                                + " offline rotation.")));

        template.output(Output.string(StackOutputs.ACTION_GROUP_ID, group.id(), null));
        template.output(Output.string(StackOutputs.SYSTEM_TOPIC_ID, topic.id(), null));

        Map<String, ParameterValue> values = new LinkedHashMap<>();
        values.put("location", ParameterValue.of(environment.location()));
        values.put("tags", StackValues.tags(environment));
        values.put("actionGroupName", ParameterValue.of(alerts.actionGroupName()));
        values.put("emailReceivers", ParameterValue.of(receivers(alerts)));
        values.put("systemTopicName", ParameterValue.of(alerts.systemTopicName()));
        values.put("severity", ParameterValue.of(alerts.severity()));
        if (alerts.webhook() != null) {
            values.put("webhookUri", webhookValue(alerts.webhook()));
        }
        List<StageInput> inputs = List.of(new StageInput(StackOutputs.VAULT_ID, VaultStage.NAME, StackOutputs.VAULT_ID));
        return new Stage(template, environment.resourceGroups().keyVault(), values, inputs);
    }

    private static ArrayNode receivers(Environment.AlertSettings alerts) {
        ArrayNode receivers = JsonNodeFactory.instance.arrayNode();
        for (Environment.EmailReceiverSettings receiver : alerts.emailReceivers()) {
            receivers.addObject().put("name", receiver.name()).put("emailAddress", receiver.emailAddress());
        }
        return receivers;
    }

    private static ParameterValue webhookValue(Environment.WebhookSettings webhook) {
        if (webhook.fromKeyVaultSecret() != null) {
            return new ParameterValue.KeyVaultSecret(webhook.fromKeyVaultSecret().vaultId(), webhook.fromKeyVaultSecret().secretName());
        }
        return new ParameterValue.EnvironmentVariable(webhook.fromEnvironmentVariable());
    }
}
