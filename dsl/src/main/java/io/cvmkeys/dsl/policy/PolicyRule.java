package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;

import java.util.List;

/** A rule, or a small family of related rules, evaluated over one ARM template. */
public interface PolicyRule {

    /** Returns the rules this class reports, so that reports, suppressions and docs can list them. */
    List<RuleDescriptor> descriptors();

    /** Evaluates the template and returns every finding, unsuppressed, in resource order. */
    List<Finding> evaluate(PolicyContext context);
}
