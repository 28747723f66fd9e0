package io.cvmkeys.dsl.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An ordered list of policy rules evaluated together. */
public final class RulePack {

    private final List<PolicyRule> rules;

    private RulePack(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
        checkUniqueIds();
    }

    /**
     * Returns the rules for customer-managed keys on Confidential VMs: vault, key, release policy, rotation policy,
     * role assignments, disk encryption set, Confidential VMs that use it, action group, Event Grid alerting and secure parameters.
     */
    public static RulePack confidentialVmCmk() {
        return new RulePack(List.of(
                new VaultRules(),
                new KeyRules(),
                new ReleasePolicyRules(),
                new RotationPolicyRules(),
                new RoleAssignmentRules(),
                new DiskEncryptionSetRules(),
                new VirtualMachineRules(),
                new ActionGroupRules(),
                new EventGridRules(),
                new SecureParameterRules()));
    }

    public static RulePack of(List<? extends PolicyRule> rules) {
        return new RulePack(new ArrayList<>(rules));
    }

    /** Returns a pack with {@code rule} added after the existing rules. */
    public RulePack with(PolicyRule rule) {
        List<PolicyRule> extended = new ArrayList<>(rules);
        extended.add(rule);
        return new RulePack(extended);
    }

    public List<PolicyRule> rules() {
        return rules;
    }

    /** Returns every rule the pack reports, in pack order. */
    public List<RuleDescriptor> descriptors() {
        return rules.stream().flatMap(rule -> rule.descriptors().stream()).toList();
    }

    /** Returns the rule with this id, compared case-insensitively. */
    public Optional<RuleDescriptor> descriptor(String ruleId) {
        return descriptors().stream().filter(descriptor -> descriptor.id().equalsIgnoreCase(ruleId)).findFirst();
    }

    private void checkUniqueIds() {
        List<String> seen = new ArrayList<>();
        for (RuleDescriptor descriptor : descriptors()) {
            if (seen.contains(descriptor.id())) {
                throw new IllegalArgumentException("Rule id " + descriptor.id() + " is declared twice in the rule pack;"
                        + " every rule needs its own id.");
            }
            seen.add(descriptor.id());
        }
    }
}
