package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Evaluates a {@link RulePack} over an ARM template and applies suppressions.
 *
 * <p>Suppressions come from the template's {@code metadata.cvmkeys.suppressions[]} (each with {@code ruleId},
 * optional {@code resourceType} and {@code resourceName}, and a required {@code reason}) and from
 * {@link #withSuppression(Suppression)}. Instances are immutable: the {@code with...} methods return a copy.
 *
 * <pre>{@code
 * PolicyReport report = PolicyEngine.confidentialVmCmk()
 *         .withParameterValues(ParameterValues.fromParametersFile(parametersJson))
 *         .evaluate(templateJson);
 * }</pre>
 */
public final class PolicyEngine {

    /** A suppression entry without a reason, or without a rule id. It suppresses nothing. */
    public static final RuleDescriptor SUPPRESSION_INVALID = new RuleDescriptor("CVMKEYS-SUPPRESS-001", Severity.ERROR,
            "Suppression names a rule and gives a reason");
    /** A suppression for a rule id the pack does not have, usually a typo. */
    public static final RuleDescriptor SUPPRESSION_UNKNOWN_RULE = new RuleDescriptor("CVMKEYS-SUPPRESS-002", Severity.WARNING,
            "Suppression names a rule of the pack");
    /** A suppression that matched no finding, so it can be removed. */
    public static final RuleDescriptor SUPPRESSION_UNUSED = new RuleDescriptor("CVMKEYS-SUPPRESS-003", Severity.INFO,
            "Suppression matches a finding");
    /** A rule that threw while evaluating, so the template is not fully checked. */
    public static final RuleDescriptor RULE_FAILED = new RuleDescriptor("CVMKEYS-POLICY-001", Severity.ERROR,
            "Every rule evaluates");

    private final RulePack rulePack;
    private final ParameterValues parameterValues;
    private final List<Suppression> suppressions;

    private PolicyEngine(RulePack rulePack, ParameterValues parameterValues, List<Suppression> suppressions) {
        this.rulePack = Objects.requireNonNull(rulePack, "rulePack");
        this.parameterValues = Objects.requireNonNull(parameterValues, "parameterValues");
        this.suppressions = List.copyOf(suppressions);
    }

    /** Returns an engine with the Confidential VM customer-managed key pack, no parameter values and no extra suppressions. */
    public static PolicyEngine confidentialVmCmk() {
        return of(RulePack.confidentialVmCmk());
    }

    public static PolicyEngine of(RulePack rulePack) {
        return new PolicyEngine(rulePack, ParameterValues.empty(), List.of());
    }

    /** Returns a copy that resolves {@code [parameters('x')]} from these values before falling back to defaults. */
    public PolicyEngine withParameterValues(ParameterValues values) {
        return new PolicyEngine(rulePack, values, suppressions);
    }

    /** Returns a copy with one more suppression, applied in addition to those in the template. */
    public PolicyEngine withSuppression(Suppression suppression) {
        List<Suppression> extended = new ArrayList<>(suppressions);
        extended.add(Objects.requireNonNull(suppression, "suppression"));
        return new PolicyEngine(rulePack, parameterValues, extended);
    }

    public RulePack rulePack() {
        return rulePack;
    }

    /**
     * Evaluates every rule of the pack over the template and applies the suppressions.
     *
     * @throws IllegalArgumentException when the template is not a JSON object
     */
    public PolicyReport evaluate(JsonNode template) {
        PolicyContext context = new PolicyContext(template, parameterValues);

        List<Finding> raw = new ArrayList<>();
        for (PolicyRule rule : rulePack.rules()) {
            raw.addAll(evaluateSafely(rule, context));
        }

        List<Finding> suppressionFindings = new ArrayList<>();
        List<Suppression> active = new ArrayList<>(readTemplateSuppressions(template, suppressionFindings));
        active.addAll(suppressions);
        for (Suppression suppression : active) {
            if (rulePack.descriptor(suppression.ruleId()).isEmpty()) {
                suppressionFindings.add(new Finding(SUPPRESSION_UNKNOWN_RULE.id(), SUPPRESSION_UNKNOWN_RULE.severity(), "",
                        suppressionPath(suppression), "Suppression of " + suppression.ruleId()
                        + " names no rule of the pack, so it suppresses nothing.",
                        "Correct the rule id; the pack's ids look like CVMKEYS-KV-004."));
            }
        }
        return applySuppressions(context, raw, active, suppressionFindings);
    }

    private static List<Finding> evaluateSafely(PolicyRule rule, PolicyContext context) {
        try {
            return rule.evaluate(context);
        } catch (RuntimeException e) {
            String ids = rule.descriptors().stream().map(RuleDescriptor::id).toList().toString();
            return List.of(new Finding(RULE_FAILED.id(), RULE_FAILED.severity(), "", "$",
                    "Rules " + ids + " failed on this template with " + e + ", so they were not checked.",
                    "Report the template shape that causes the failure; until then review these rules by hand."));
        }
    }

    private static PolicyReport applySuppressions(PolicyContext context, List<Finding> raw, List<Suppression> active,
                                                  List<Finding> suppressionFindings) {
        Map<String, TemplateResource> resourcesByLabel = new HashMap<>();
        context.resources().forEach(resource -> resourcesByLabel.put(resource.label(), resource));

        List<Finding> findings = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding finding : raw) {
            TemplateResource resource = resourcesByLabel.get(finding.resource());
            Suppression match = active.stream().filter(suppression -> suppression.matches(finding, resource)).findFirst().orElse(null);
            if (match == null) {
                findings.add(finding);
            } else {
                suppressed.add(new SuppressedFinding(finding, match));
                used.add(match);
            }
        }

        for (Suppression suppression : active) {
            if (!used.contains(suppression)) {
                suppressionFindings.add(new Finding(SUPPRESSION_UNUSED.id(), SUPPRESSION_UNUSED.severity(), "",
                        suppressionPath(suppression), "Suppression of " + suppression.ruleId() + describeTarget(suppression)
                        + " matched no finding.", "Remove the suppression if the problem it accepted is gone."));
            }
        }
        // Findings about suppressions cannot be suppressed themselves.
        findings.addAll(suppressionFindings);
        return new PolicyReport(findings, suppressed);
    }

    /** Reads {@code metadata.cvmkeys.suppressions[]}; an invalid entry becomes a finding and suppresses nothing. */
    private static List<Suppression> readTemplateSuppressions(JsonNode template, List<Finding> suppressionFindings) {
        JsonNode entries = template.path("metadata").path("cvmkeys").path("suppressions");
        List<Suppression> result = new ArrayList<>();
        if (entries.isMissingNode()) {
            return result;
        }
        if (!entries.isArray()) {
            suppressionFindings.add(invalid("$.metadata.cvmkeys.suppressions",
                    "metadata.cvmkeys.suppressions is " + entries.getNodeType() + ", not an array, so no suppression applies.",
                    "Make metadata.cvmkeys.suppressions an array of {ruleId, resourceType, resourceName, reason} objects."));
            return result;
        }

        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String path = "$.metadata.cvmkeys.suppressions[" + i + "]";
            String ruleId = entry.path("ruleId").asText("").trim();
            String reason = entry.path("reason").asText("").trim();
            if (ruleId.isEmpty()) {
                suppressionFindings.add(invalid(path + ".ruleId", "Suppression " + path + " has no ruleId, so it suppresses nothing.",
                        "Set ruleId to the id of the rule to suppress, for example CVMKEYS-KV-004."));
            } else if (reason.isEmpty()) {
                suppressionFindings.add(invalid(path + ".reason", "Suppression of " + ruleId + " at " + path
                                + " has no reason, so it suppresses nothing.",
                        "Add a reason that says why the exception is accepted, for example a change ticket."));
            } else {
                result.add(new Suppression(ruleId, entry.path("resourceType").asText(null),
                        entry.path("resourceName").asText(null), reason, path));
            }
        }
        return result;
    }

    private static Finding invalid(String path, String message, String fix) {
        return new Finding(SUPPRESSION_INVALID.id(), SUPPRESSION_INVALID.severity(), "", path, message, fix);
    }

    private static String suppressionPath(Suppression suppression) {
        return suppression.source().startsWith("$") ? suppression.source() : "";
    }

    private static String describeTarget(Suppression suppression) {
        StringBuilder target = new StringBuilder();
        if (suppression.resourceType() != null) {
            target.append(" on ").append(suppression.resourceType());
        }
        if (suppression.resourceName() != null) {
            target.append(" '").append(suppression.resourceName()).append("'");
        }
        return target.toString();
    }
}
