package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.policy.ParameterValues;
import io.cvmkeys.dsl.policy.PolicyContext;
import io.cvmkeys.dsl.policy.PolicyEngine;
import io.cvmkeys.dsl.policy.PolicyReport;
import io.cvmkeys.dsl.policy.TemplateResource;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import org.assertj.core.api.AbstractAssert;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assertions on an ARM template: resources by type, partial property matching and policy findings.
 *
 * <p>Resource types compare case-insensitively, as ARM does. Resources of inline nested deployments count too. Policy
 * assertions use {@link PolicyEngine#confidentialVmCmk()} unless {@link #usingPolicy(PolicyEngine)} sets another
 * engine; suppressions declared in the template apply.
 */
public class TemplateAssert extends AbstractAssert<TemplateAssert, JsonNode> {

    private static final String NEW_LINE = System.lineSeparator();

    private PolicyEngine policyEngine = PolicyEngine.confidentialVmCmk();
    private PolicyReport policyReport;
    private List<TemplateResource> resources;

    TemplateAssert(JsonNode template) {
        super(template, TemplateAssert.class);
    }

    /** Verifies that the template has exactly {@code expected} resources of {@code type}. */
    public TemplateAssert hasResourceCount(String type, int expected) {
        List<TemplateResource> ofType = resourcesOfType(type);
        if (ofType.size() != expected) {
            failWithActualExpectedAndMessage(ofType.size(), expected, "%s", "expected " + expected + " resources of type "
                    + type + " but found " + ofType.size() + describeList(ofType));
        }
        return this;
    }

    /** Verifies that the template has a resource of {@code type} and returns assertions on the first one. */
    public ResourceAssert hasResource(String type) {
        List<TemplateResource> ofType = resourcesOfType(type);
        if (ofType.isEmpty()) {
            failWithMessage("%s", noResourceMessage(type));
        }
        return new ResourceAssert(ofType.get(0));
    }

    /** Verifies that the template has a resource of {@code type} with this name as written, and returns assertions on it. */
    public ResourceAssert hasResource(String type, String name) {
        List<TemplateResource> ofType = resourcesOfType(type);
        TemplateResource named = ofType.stream().filter(resource -> resource.name().equals(name)).findFirst().orElse(null);
        if (named == null) {
            failWithMessage("%s", ofType.isEmpty() ? noResourceMessage(type)
                    : "expected a resource of type " + type + " named '" + name + "' but found only" + describeList(ofType));
        }
        return new ResourceAssert(named);
    }

    /**
     * Verifies that at least one resource of {@code type} has {@code properties} matching {@code expected}, in the
     * manner of AWS CDK's {@code hasResourceProperties}: objects match as a subset, arrays element by element unless
     * a {@link Match} matcher is given for them. On failure the message names the closest resource and its differences.
     */
    public TemplateAssert hasResourceProperties(String type, Map<String, ?> expected) {
        return hasResourceMatching(type, "properties", Match.objectLike(expected));
    }

    /** Same as {@link #hasResourceProperties(String, Map)} with the expected properties as a JSON object. */
    public TemplateAssert hasResourceProperties(String type, JsonNode expected) {
        return hasResourceMatching(type, "properties", Match.of(expected));
    }

    /** Same as {@link #hasResourceProperties(String, Map)} with any matcher, for example {@link Match#objectEquals(Map)}. */
    public TemplateAssert hasResourceProperties(String type, JsonMatcher expected) {
        return hasResourceMatching(type, "properties", expected);
    }

    /** Same as {@link #hasResourceProperties(String, Map)} with the whole resource (name, identity, ...) as the subject. */
    public TemplateAssert hasResourceLike(String type, Map<String, ?> expected) {
        return hasResourceMatching(type, "", Match.objectLike(expected));
    }

    /** Returns assertions that apply to every resource of {@code type}. */
    public ResourcesAssert allResourcesOfType(String type) {
        return new ResourcesAssert(type, resourcesOfType(type));
    }

    /** Sets the policy engine (rule pack, parameter values, suppressions) that the policy assertions use. */
    public TemplateAssert usingPolicy(PolicyEngine engine) {
        this.policyEngine = Objects.requireNonNull(engine, "engine");
        this.policyReport = null;
        return this;
    }

    /** Resolves parameters from these values (for example a parameters file) in the policy assertions. */
    public TemplateAssert withParameterValues(ParameterValues values) {
        return usingPolicy(policyEngine.withParameterValues(values));
    }

    /** Verifies that the policy reports no unsuppressed error. */
    public TemplateAssert passesPolicy() {
        List<Finding> errors = policyReport().errors();
        if (!errors.isEmpty()) {
            failWithMessage("%s", "expected the template to pass policy but found " + errors.size() + " error finding(s):"
                    + NEW_LINE + describeFindings(errors));
        }
        return this;
    }

    /** Verifies that the policy reports no unsuppressed finding at {@code level} or more serious. */
    public TemplateAssert hasNoFindingsAtLevel(Severity level) {
        List<Finding> findings = policyReport().findingsAtLeast(level);
        if (!findings.isEmpty()) {
            failWithMessage("%s", "expected no findings at level " + level.label() + " or above but found " + findings.size()
                    + ":" + NEW_LINE + describeFindings(findings));
        }
        return this;
    }

    /** Verifies that the policy reports an unsuppressed finding with {@code ruleId}, at any level. */
    public TemplateAssert hasFinding(String ruleId) {
        if (findingsOf(ruleId).isEmpty()) {
            failWithMessage("%s", "expected a finding of " + ruleId + " but the policy reported "
                    + (reportedIds().isEmpty() ? "none" : reportedIds()) + suppressedNote(ruleId));
        }
        return this;
    }

    /** Verifies that the policy reports no unsuppressed finding with {@code ruleId}. */
    public TemplateAssert hasNoFinding(String ruleId) {
        List<Finding> findings = findingsOf(ruleId);
        if (!findings.isEmpty()) {
            failWithMessage("%s", "expected no finding of " + ruleId + " but found:" + NEW_LINE + describeFindings(findings));
        }
        return this;
    }

    /** Returns the policy report, for checks the assertion methods do not cover. */
    public PolicyReport policyReport() {
        isNotNull();
        if (policyReport == null) {
            policyReport = policyEngine.evaluate(actual);
        }
        return policyReport;
    }

    private TemplateAssert hasResourceMatching(String type, String basePath, JsonMatcher matcher) {
        List<TemplateResource> ofType = resourcesOfType(type);
        if (ofType.isEmpty()) {
            failWithMessage("%s", noResourceMessage(type));
        }

        record Candidate(TemplateResource resource, List<Mismatch> mismatches) {
        }
        List<Candidate> candidates = ofType.stream()
                .map(resource -> new Candidate(resource, matcher.mismatches(
                        basePath.isEmpty() ? resource.node() : resource.node().get(basePath), basePath)))
                .toList();
        if (candidates.stream().anyMatch(candidate -> candidate.mismatches().isEmpty())) {
            return this;
        }

        // The closest resource is the one with the fewest differences; the first in the template wins a tie.
        Candidate closest = candidates.stream().min(Comparator.comparingInt(candidate -> candidate.mismatches().size())).orElseThrow();
        String label = closest.resource().label();
        StringBuilder message = new StringBuilder();
        closest.mismatches().forEach(mismatch -> message.append(mismatch.describe()).append(" in ").append(label).append(NEW_LINE));
        message.append("(no resource of type ").append(type).append(" matches; the closest of ").append(ofType.size())
                .append(" is ").append(label).append(" with ").append(closest.mismatches().size()).append(" difference(s))");
        JsonNode actualValue = basePath.isEmpty() ? closest.resource().node() : closest.resource().node().get(basePath);
        failWithActualExpectedAndMessage(Match.render(actualValue), matcher.expectation(), "%s", message.toString());
        return this;
    }

    private List<TemplateResource> resourcesOfType(String type) {
        return resources().stream().filter(resource -> resource.isType(type)).toList();
    }

    private List<TemplateResource> resources() {
        isNotNull();
        if (!actual.isObject()) {
            failWithMessage("%s", "expected an ARM template (a JSON object) but was " + actual.getNodeType());
        }
        if (resources == null) {
            resources = new PolicyContext(actual, ParameterValues.empty()).resources();
        }
        return resources;
    }

    private String noResourceMessage(String type) {
        Set<String> types = resources().stream().map(TemplateResource::type).collect(Collectors.toCollection(TreeSet::new));
        return "expected a resource of type " + type + " but the template has none; its resource types are "
                + (types.isEmpty() ? "none" : types);
    }

    private List<Finding> findingsOf(String ruleId) {
        return policyReport().findings().stream().filter(finding -> finding.ruleId().equalsIgnoreCase(ruleId)).toList();
    }

    private Set<String> reportedIds() {
        return policyReport().findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    }

    private String suppressedNote(String ruleId) {
        return policyReport().suppressed().stream()
                .filter(suppressed -> suppressed.finding().ruleId().equalsIgnoreCase(ruleId))
                .findFirst()
                .map(suppressed -> " (a finding of " + ruleId + " is suppressed: " + suppressed.reason() + ")")
                .orElse("");
    }

    private static String describeList(List<TemplateResource> resources) {
        if (resources.isEmpty()) {
            return "";
        }
        return ": " + resources.stream().map(TemplateResource::label).collect(Collectors.joining(", "));
    }

    private static String describeFindings(List<Finding> findings) {
        return findings.stream().map(finding -> "  " + finding.toLine()).collect(Collectors.joining(NEW_LINE));
    }
}
