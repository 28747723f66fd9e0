package io.cvmkeys.engine.gates;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.stack.Synthesis;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;
import io.cvmkeys.engine.whatif.ChangeType;
import io.cvmkeys.engine.whatif.PropertyChange;
import io.cvmkeys.engine.whatif.ResourceChange;
import io.cvmkeys.engine.whatif.ResourceIds;
import io.cvmkeys.engine.whatif.StageWhatIf;
import io.cvmkeys.engine.whatif.UnknownInput;
import io.cvmkeys.engine.whatif.WhatIfPlan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a What-If plan before anything is written. The gates are policy errors of the synthesis, deletes of
 * protected resources, changes to a vault's purge protection or retention, and a key change of a Disk Encryption Set
 * that running VMs use. Pre-flight look-ups catch what would otherwise fail the deployment halfway.
 */
public final class Gates {

    private static final String VAULT = "Microsoft.KeyVault/vaults";
    private static final String KEY = "Microsoft.KeyVault/vaults/keys";
    private static final String DISK_ENCRYPTION_SET = "Microsoft.Compute/diskEncryptionSets";
    private static final String ROLE_ASSIGNMENT = "Microsoft.Authorization/roleAssignments";
    private static final String SYSTEM_TOPIC = "Microsoft.EventGrid/systemTopics";

    /** Types whose deletion loses keys, access or alerting, and that cvmkeys therefore never deletes. */
    private static final List<String> PROTECTED_TYPES = List.of(VAULT, KEY, DISK_ENCRYPTION_SET, ROLE_ASSIGNMENT, SYSTEM_TOPIC);

    private final DiskEncryptionSetUsage diskEncryptionSetUsage;
    private final PreflightLookups lookups;

    public Gates(DiskEncryptionSetUsage diskEncryptionSetUsage, PreflightLookups lookups) {
        this.diskEncryptionSetUsage = diskEncryptionSetUsage;
        this.lookups = lookups;
    }

    /**
     * Evaluates every gate.
     *
     * @param synthesis the stack's synthesis, whose policy errors block; may be null when none ran
     * @param plan      What-If of the stages to deploy
     */
    public GateReport evaluate(Synthesis synthesis, WhatIfPlan plan) {
        List<Finding> findings = new ArrayList<>();
        Set<String> keysToSkip = new HashSet<>();

        if (synthesis != null) {
            policyErrors(synthesis, findings);
        }
        for (StageWhatIf stage : plan.stages()) {
            for (ResourceChange change : stage.changes()) {
                protectedDelete(change, findings);
                retentionChange(change, findings);
                activeKeyChange(change, findings);
                deletedVault(change, findings);
                systemTopic(change, findings);
                roleAssignment(change, findings);
                existingKey(change, findings, keysToSkip);
            }
        }
        return new GateReport(findings, keysToSkip);
    }

    private static void policyErrors(Synthesis synthesis, List<Finding> findings) {
        synthesis.checks().forEach(check -> check.result().findings().stream()
                .filter(finding -> finding.severity() == Severity.ERROR)
                .forEach(finding -> findings.add(new Finding(GateRules.POLICY, Severity.ERROR,
                        "stage '" + check.stage() + "' " + finding.resource(), finding.path(),
                        "synthesis reported " + finding.ruleId() + ": " + finding.message(),
                        finding.fix().isEmpty() ? "correct the stack or the environment file" : finding.fix()))));
    }

    private static void protectedDelete(ResourceChange change, List<Finding> findings) {
        if (change.effectiveChangeType() != ChangeType.DELETE) {
            return;
        }
        for (String type : PROTECTED_TYPES) {
            if (change.isType(type)) {
                findings.add(new Finding(GateRules.PROTECTED_DELETE, Severity.ERROR, change.resourceId(), "",
                        "the deployment would delete this " + type + "; deleting it loses keys, access to them or"
                                + " their expiry alerts, so cvmkeys never deletes it.",
                        "deploy in Incremental mode, or delete the resource by hand after checking no disk uses it."));
                return;
            }
        }
    }

    private static void retentionChange(ResourceChange change, List<Finding> findings) {
        if (!change.isType(VAULT) || change.effectiveChangeType() != ChangeType.MODIFY) {
            return;
        }
        for (String property : List.of("enablePurgeProtection", "softDeleteRetentionInDays")) {
            for (PropertyChange delta : change.changes()) {
                if (delta.touches(property)) {
                    findings.add(new Finding(GateRules.RETENTION_CHANGE, Severity.ERROR, change.resourceId(),
                            delta.path(), "the deployment would change " + property + " from " + text(delta.before())
                                    + " to " + text(delta.after()) + "; " + retentionReason(property),
                            "set " + property + " in the environment file back to " + text(delta.before())
                                    + ", or change the vault by hand after review."));
                }
            }
        }
    }

    /** Key Vault rules: purge protection cannot be turned off once on, and retention is fixed at creation. */
    private static String retentionReason(String property) {
        return property.equals("enablePurgeProtection")
                ? "turning purge protection on cannot be undone and turning it off is rejected, so cvmkeys never"
                        + " changes it on an existing vault."
                : "Key Vault fixes the soft-delete retention when the vault is created.";
    }

    private void activeKeyChange(ResourceChange change, List<Finding> findings) {
        if (!change.isType(DISK_ENCRYPTION_SET) || change.effectiveChangeType() != ChangeType.MODIFY
                || change.changes().stream().noneMatch(delta -> delta.touches("activeKey"))) {
            return;
        }
        List<VirtualMachineUse> notDeallocated = diskEncryptionSetUsage.virtualMachinesUsing(change.resourceId()).stream()
                .filter(use -> !use.isDeallocated())
                .toList();
        if (notDeallocated.isEmpty()) {
            return;
        }
        List<String> vms = notDeallocated.stream()
                .map(use -> ResourceIds.name(use.virtualMachineId()) + " (" + displayPowerState(use) + ")")
                .distinct()
                .toList();
        findings.add(new Finding(GateRules.ACTIVE_KEY_IN_USE, Severity.ERROR, change.resourceId(),
                "properties.activeKey", "the deployment would change the Disk Encryption Set's active key while "
                        + notDeallocated.size() + " disk(s) of VMs that are not deallocated use it: " + String.join(", ", vms)
                        + "; Confidential VM disks only take a new key while their VM is deallocated.",
                "rotate the key with 'cvmkeys rotate', which deallocates the session hosts in drain order."));
    }

    private void deletedVault(ResourceChange change, List<Finding> findings) {
        if (!change.isType(VAULT) || change.effectiveChangeType() != ChangeType.CREATE) {
            return;
        }
        String name = ResourceIds.name(change.resourceId());
        String location = change.property("location").asText("");
        Optional<PreflightLookups.DeletedVault> deleted = lookups.deletedVault(location, name);
        deleted.ifPresent(vault -> findings.add(new Finding(GateRules.DELETED_VAULT, Severity.ERROR, change.resourceId(),
                "name", "the vault name '" + name + "' is held by a soft-deleted vault (deleted "
                        + vault.deletionDate() + ", purged " + vault.scheduledPurgeDate() + " at the earliest), so"
                        + " creating it would fail with a conflict.",
                "recover it with 'az keyvault recover --name " + name + "' and re-run, or choose another vault name.")));
    }

    private void systemTopic(ResourceChange change, List<Finding> findings) {
        if (!change.isType(SYSTEM_TOPIC) || change.effectiveChangeType() != ChangeType.CREATE) {
            return;
        }
        String source = change.property("properties.source").asText("");
        if (!isKnownId(source)) {
            return;
        }
        for (PreflightLookups.ExistingSystemTopic topic : lookups.systemTopicsWithSource(source)) {
            if (!topic.id().equalsIgnoreCase(change.resourceId())) {
                findings.add(new Finding(GateRules.SYSTEM_TOPIC_EXISTS, Severity.ERROR, change.resourceId(), "properties.source",
                        "the vault already has the system topic '" + topic.name() + "' (" + topic.id() + "); Event Grid"
                                + " allows one system topic per source, so creating another would fail.",
                        "set alerts.systemTopicName in the environment file to '" + topic.name() + "'."));
            }
        }
    }

    private void roleAssignment(ResourceChange change, List<Finding> findings) {
        if (!change.isType(ROLE_ASSIGNMENT) || change.effectiveChangeType() != ChangeType.CREATE) {
            return;
        }
        String principalId = change.property("properties.principalId").asText("");
        String roleDefinitionId = change.property("properties.roleDefinitionId").asText("");
        if (!isKnownValue(principalId) || !isKnownValue(roleDefinitionId)) {
            return;
        }
        String scope = ResourceIds.scope(change.resourceId());
        for (PreflightLookups.ExistingRoleAssignment existing : lookups.roleAssignmentsAt(scope)) {
            boolean samePrincipal = existing.principalId().equalsIgnoreCase(principalId);
            boolean sameRole = ResourceIds.name(existing.roleDefinitionId()).equalsIgnoreCase(ResourceIds.name(roleDefinitionId));
            if (samePrincipal && sameRole && !existing.name().equalsIgnoreCase(ResourceIds.name(change.resourceId()))) {
                findings.add(new Finding(GateRules.ROLE_ASSIGNMENT_EXISTS, Severity.ERROR, change.resourceId(), "name",
                        "principal " + principalId + " already has role " + ResourceIds.name(roleDefinitionId) + " at "
                                + scope + " through the assignment '" + existing.name() + "'; ARM rejects a second one"
                                + " with RoleAssignmentExists.",
                        "delete the assignment " + existing.id() + " so that cvmkeys creates it under its own name."));
            }
        }
    }

    private static void existingKey(ResourceChange change, List<Finding> findings, Set<String> keysToSkip) {
        if (!change.isType(KEY) || change.before() == null) {
            return;
        }
        if (!change.isRealChange()) {
            keysToSkip.add(change.resourceId());
            return;
        }
        List<String> paths = change.changes().stream().map(PropertyChange::path).toList();
        findings.add(new Finding(GateRules.KEY_DIFFERS, Severity.ERROR, change.resourceId(), String.join(", ", paths),
                "the key already exists and differs from the template in " + String.join(", ", paths)
                        + "; a deployment cannot change an existing key's type, size, operations or policy.",
                "set the key settings in the environment file to the existing key's values, or create a new"
                        + " version with 'cvmkeys rotate'."));
    }

    /** False for values What-If could not evaluate and for placeholders of stages not deployed yet. */
    private static boolean isKnownValue(String value) {
        return !value.isEmpty() && !value.startsWith("[") && !UnknownInput.containsPlaceholder(value);
    }

    private static boolean isKnownId(String value) {
        return isKnownValue(value) && value.toLowerCase(Locale.ROOT).startsWith("/subscriptions/");
    }

    private static String displayPowerState(VirtualMachineUse use) {
        return use.powerState().isEmpty() ? "power state unknown" : use.powerState().replace("PowerState/", "");
    }

    private static String text(JsonNode value) {
        return value == null ? "(not set)" : value.toString();
    }
}
