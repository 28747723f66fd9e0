package io.cvmkeys.dsl.resources;

import io.cvmkeys.dsl.expr.ArrayExpr;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.ForExpr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.ParameterType;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.ResourceBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code Microsoft.Insights/actionGroups}: who is told when an alert fires. Location is {@code global}; e-mail
 * receivers use the common alert schema; a webhook URI must come from a secure parameter because it often carries
 * a token.
 */
public final class ActionGroup extends Resource {

    public static final String TYPE = "Microsoft.Insights/actionGroups";
    public static final String API_VERSION = "2023-01-01";
    static final int MAX_SHORT_NAME_LENGTH = 12;

    private ActionGroup(Builder builder) {
        super(builder);
    }

    public static Builder define(String symbolicName) {
        return new Builder(symbolicName);
    }

    /** Builder for {@link ActionGroup}. */
    public static final class Builder extends ResourceBuilder<ActionGroup, Builder> {

        private String groupShortName;
        private boolean enabled = true;
        private final List<EmailReceiver> emailReceivers = new ArrayList<>();
        private Parameter emailReceiversParameter;
        private String webhookName;
        private Expr webhookServiceUri;

        private Builder(String symbolicName) {
            super(symbolicName, TYPE, API_VERSION);
            withLocation("global");
        }

        /** The name shown in SMS and e-mail, at most 12 characters. */
        public Builder withGroupShortName(String groupShortName) {
            this.groupShortName = groupShortName;
            return this;
        }

        public Builder withEnabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder withEmailReceiver(String name, String emailAddress) {
            emailReceivers.add(new EmailReceiver(name, emailAddress));
            return this;
        }

        /** Takes the receivers from an array parameter of {@code {name, emailAddress}} objects, one per entry. */
        public Builder withEmailReceivers(Parameter receivers) {
            this.emailReceiversParameter = receivers;
            return this;
        }

        /** A webhook receiver; {@code serviceUri} must be a secure string parameter. */
        public Builder withWebhookReceiver(String name, Expr serviceUri) {
            this.webhookName = name;
            this.webhookServiceUri = serviceUri;
            return this;
        }

        @Override
        protected void validate(List<ModelProblem> problems) {
            if (groupShortName == null || groupShortName.isBlank()) {
                problem(problems, "groupShortName", "it is not set", "call withGroupShortName(...) with up to 12 characters");
            } else if (groupShortName.length() > MAX_SHORT_NAME_LENGTH) {
                problem(problems, "groupShortName", "'" + groupShortName + "' has " + groupShortName.length()
                        + " characters, more than the maximum of 12", "shorten it, for example 'CMKExpiry'");
            }
            for (EmailReceiver receiver : emailReceivers) {
                if (!EmailReceiver.isValidAddress(receiver.emailAddress())) {
                    problem(problems, "emailReceivers[" + receiver.name() + "].emailAddress",
                            "'" + receiver.emailAddress() + "' is not a valid e-mail address",
                            "use an address of the form team@your-domain");
                }
            }
            if (emailReceiversParameter != null && emailReceiversParameter.type() != ParameterType.ARRAY) {
                problem(problems, "emailReceivers", emailReceiversParameter + " is not an array parameter",
                        "declare it with Parameter.array(...)");
            }
            if (webhookServiceUri != null && !(webhookServiceUri instanceof Parameter p && p.isSecure())) {
                problem(problems, "webhookReceivers[" + webhookName + "].serviceUri",
                        "the URI is not a secure parameter, and webhook URIs often carry a secret token that ARM"
                                + " would then store and show in the deployment history",
                        "pass it through Parameter.secureString(...)");
            }
        }

        @Override
        protected void fill() {
            properties()
                    .put("groupShortName", groupShortName)
                    .put("enabled", enabled)
                    .put("emailReceivers", emailReceiversValue());
            if (webhookServiceUri != null) {
                properties().put("webhookReceivers", ArrayExpr.of(ObjectExpr.create()
                        .put("name", webhookName)
                        .put("serviceUri", webhookServiceUri)
                        .put("useCommonAlertSchema", true)));
            }
        }

        private Expr emailReceiversValue() {
            if (emailReceiversParameter != null) {
                return ForExpr.forProperty("emailReceivers", emailReceiversParameter, "receiver", receiver ->
                        ObjectExpr.create()
                                .put("name", receiver.property("name"))
                                .put("emailAddress", receiver.property("emailAddress"))
                                .put("useCommonAlertSchema", Literal.of(true)));
            }
            List<Expr> receivers = new ArrayList<>();
            for (EmailReceiver receiver : emailReceivers) {
                receivers.add(ObjectExpr.create()
                        .put("name", receiver.name())
                        .put("emailAddress", receiver.emailAddress())
                        .put("useCommonAlertSchema", true));
            }
            return ArrayExpr.of(receivers);
        }

        @Override
        protected ActionGroup create() {
            return new ActionGroup(this);
        }
    }
}
