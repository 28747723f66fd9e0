package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Iso8601Durations;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for a key's {@code rotationPolicy}. Confidential VMs do not support automatic rotation, so the policy only
 * sets the expiry of rotated versions and notifies ahead of it. The offline rotation then creates the new version.
 */
public final class RotationPolicyRules implements PolicyRule {

    public static final RuleDescriptor PRESENT = new RuleDescriptor("CVMKEYS-KEY-011", Severity.ERROR,
            "Key has a rotation policy");
    public static final RuleDescriptor NOTIFY_ONLY = new RuleDescriptor("CVMKEYS-KEY-012", Severity.ERROR,
            "Rotation policy only notifies, it never rotates");
    public static final RuleDescriptor EXPIRY_TIME = new RuleDescriptor("CVMKEYS-KEY-013", Severity.ERROR,
            "Rotation policy expiryTime is at least P28D");
    public static final RuleDescriptor LIFETIME_ACTIONS = new RuleDescriptor("CVMKEYS-KEY-014", Severity.ERROR,
            "Rotation policy has at least one lifetime action");
    public static final RuleDescriptor NOTIFY_TRIGGER = new RuleDescriptor("CVMKEYS-KEY-015", Severity.ERROR,
            "Notify trigger is at least 7 days before expiry and 7 days after creation");
    public static final RuleDescriptor NOTIFY_LEAD_TIME = new RuleDescriptor("CVMKEYS-KEY-016", Severity.WARNING,
            "Notify trigger leaves at least 30 days for the offline rotation");

    private static final String POLICY = "properties.rotationPolicy";
    private static final String EXPIRY = POLICY + ".attributes.expiryTime";
    private static final String ACTIONS = POLICY + ".lifetimeActions";
    private static final double MINIMUM_EXPIRY_DAYS = 28;
    private static final double MINIMUM_TRIGGER_DAYS = 7;
    private static final double RECOMMENDED_NOTICE_DAYS = 30;

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(PRESENT, NOTIFY_ONLY, EXPIRY_TIME, LIFETIME_ACTIONS, NOTIFY_TRIGGER, NOTIFY_LEAD_TIME);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (TemplateResource key : KeyRules.keysOf(context)) {
            evaluate(key, findings);
        }
        return findings;
    }

    private static void evaluate(TemplateResource key, List<Finding> findings) {
        ResolvedValue policy = key.value(POLICY);
        if (policy.isExpression()) {
            findings.add(notChecked(PRESENT, key, POLICY, policy));
            return;
        }
        if (policy.isMissing() || !policy.value().isObject()) {
            findings.add(violation(PRESENT, key, POLICY, POLICY + " is " + policy.describe()
                            + "; rotated key versions would never expire and no notification would announce the expiry.",
                    "Add a rotationPolicy with attributes.expiryTime (for example 'P1Y') and one notify action, for"
                            + " example timeBeforeExpiry 'P30D'."));
            return;
        }

        OptionalDouble expiryDays = evaluateExpiry(key, findings);
        evaluateActions(key, expiryDays, findings);
    }

    private static OptionalDouble evaluateExpiry(TemplateResource key, List<Finding> findings) {
        ResolvedValue expiryTime = key.value(EXPIRY);
        if (expiryTime.isExpression()) {
            findings.add(notChecked(EXPIRY_TIME, key, EXPIRY, expiryTime));
            return OptionalDouble.empty();
        }

        OptionalDouble days = Iso8601Durations.toDays(expiryTime.asText());
        if (days.isEmpty() || days.getAsDouble() < MINIMUM_EXPIRY_DAYS) {
            String problem = days.isEmpty() ? "not an ISO 8601 duration" : "shorter than the 28 days Key Vault accepts";
            if (expiryTime.isMissing()) {
                problem = "needed, because the notify trigger counts back from it";
            }
            findings.add(violation(EXPIRY_TIME, key, EXPIRY, EXPIRY + " is " + expiryTime.describe() + "; it is " + problem + ".",
                    "Set " + EXPIRY + " to an ISO 8601 duration of at least 'P28D', for example 'P1Y'."));
            return OptionalDouble.empty();
        }
        return days;
    }

    private static void evaluateActions(TemplateResource key, OptionalDouble expiryDays, List<Finding> findings) {
        ResolvedValue actions = key.value(ACTIONS);
        if (actions.isExpression()) {
            findings.add(notChecked(LIFETIME_ACTIONS, key, ACTIONS, actions));
            return;
        }
        if (actions.isMissing() || !actions.value().isArray() || actions.value().isEmpty()) {
            findings.add(violation(LIFETIME_ACTIONS, key, ACTIONS, ACTIONS + " is " + actions.describe()
                            + "; Key Vault rejects a rotation policy without lifetime actions.",
                    "Add one lifetime action: trigger timeBeforeExpiry 'P30D', action type 'notify'."));
            return;
        }

        for (int i = 0; i < actions.value().size(); i++) {
            String actionPath = ACTIONS + "[" + i + "]";
            ResolvedValue type = key.value(actionPath + ".action.type");
            if (type.isExpression()) {
                findings.add(notChecked(NOTIFY_ONLY, key, actionPath + ".action.type", type));
            } else if (!type.textEqualsIgnoreCase("notify")) {
                // The ARM enum is lower case while the service returns Notify/Rotate, so compare ignoring case.
                findings.add(violation(NOTIFY_ONLY, key, actionPath + ".action.type",
                        actionPath + ".action.type is " + type.describe()
                                + "; Confidential VM keys cannot rotate automatically, the offline rotation must create new versions.",
                        "Set " + actionPath + ".action.type to 'notify' and rotate with the offline rotation."));
            } else {
                evaluateNotifyTrigger(key, actionPath + ".trigger", expiryDays, findings);
            }
        }
    }

    private static void evaluateNotifyTrigger(TemplateResource key, String triggerPath, OptionalDouble expiryDays,
                                              List<Finding> findings) {
        if (!key.value(triggerPath + ".timeAfterCreate").isMissing()) {
            findings.add(violation(NOTIFY_TRIGGER, key, triggerPath + ".timeAfterCreate",
                    triggerPath + ".timeAfterCreate is set on a notify action; Key Vault applies timeAfterCreate only to rotate.",
                    "Replace timeAfterCreate with timeBeforeExpiry, for example 'P30D'."));
            return;
        }

        String beforePath = triggerPath + ".timeBeforeExpiry";
        ResolvedValue before = key.value(beforePath);
        if (before.isExpression()) {
            findings.add(notChecked(NOTIFY_TRIGGER, key, beforePath, before));
            return;
        }
        OptionalDouble beforeDays = Iso8601Durations.toDays(before.asText());
        if (beforeDays.isEmpty() || beforeDays.getAsDouble() < MINIMUM_TRIGGER_DAYS) {
            findings.add(violation(NOTIFY_TRIGGER, key, beforePath, beforePath + " is " + before.describe()
                            + "; a notify trigger must be an ISO 8601 duration of at least 7 days before expiry.",
                    "Set " + beforePath + " to 'P30D'."));
            return;
        }
        if (expiryDays.isPresent() && expiryDays.getAsDouble() - beforeDays.getAsDouble() < MINIMUM_TRIGGER_DAYS) {
            findings.add(violation(NOTIFY_TRIGGER, key, beforePath, beforePath + " is " + before.describe()
                            + ", which is less than 7 days after the version is created (expiryTime "
                            + key.value(EXPIRY).describe() + "); Key Vault rejects such a trigger.",
                    "Lower " + beforePath + " or raise " + EXPIRY + " so that at least 7 days remain after creation."));
            return;
        }
        if (beforeDays.getAsDouble() < RECOMMENDED_NOTICE_DAYS) {
            findings.add(violation(NOTIFY_LEAD_TIME, key, beforePath, beforePath + " is " + before.describe()
                            + "; the expiry is a hard outage deadline for every VM on this key, and the offline rotation"
                            + " needs a maintenance window, so notify at least 30 days ahead.",
                    "Set " + beforePath + " to 'P30D' or more."));
        }
    }
}
