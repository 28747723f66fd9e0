package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static io.cvmkeys.dsl.policy.RuleSupport.notChecked;
import static io.cvmkeys.dsl.policy.RuleSupport.violation;

/**
 * Rules for {@code Microsoft.Authorization/roleAssignments}: the two crypto service roles a Confidential VM disk key
 * needs, the principal type, and deterministic names.
 *
 * <p>A role is recognised by its role definition GUID anywhere in {@code roleDefinitionId}, so both a full id and a
 * {@code subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '<guid>')} expression match.
 */
public final class RoleAssignmentRules implements PolicyRule {

    static final String TYPE = "Microsoft.Authorization/roleAssignments";

    /** Key Vault Crypto Service Encryption User, granted to the disk encryption set's identity. */
    public static final String CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";
    /** Key Vault Crypto Service Release User, granted to the Confidential VM Orchestrator service principal. */
    public static final String CRYPTO_SERVICE_RELEASE_USER = "08bbd89e-9f13-488c-ac41-acfcb10c90ab";

    public static final RuleDescriptor PRINCIPAL_TYPE = new RuleDescriptor("CVMKEYS-ROLE-001", Severity.ERROR,
            "Role assignment sets principalType");
    public static final RuleDescriptor ENCRYPTION_USER = new RuleDescriptor("CVMKEYS-ROLE-002", Severity.ERROR,
            "Disk encryption set identity has Key Vault Crypto Service Encryption User");
    public static final RuleDescriptor RELEASE_USER = new RuleDescriptor("CVMKEYS-ROLE-003", Severity.ERROR,
            "Confidential VM Orchestrator has Key Vault Crypto Service Release User");
    public static final RuleDescriptor DETERMINISTIC_NAME = new RuleDescriptor("CVMKEYS-ROLE-004", Severity.ERROR,
            "Role assignment name is deterministic");

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern GUID_CALL = Pattern.compile("(?<![A-Za-z])guid\\(", Pattern.CASE_INSENSITIVE);

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(PRINCIPAL_TYPE, ENCRYPTION_USER, RELEASE_USER, DETERMINISTIC_NAME);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        List<TemplateResource> assignments = context.resourcesOfType(TYPE);
        for (TemplateResource assignment : assignments) {
            evaluatePrincipalType(assignment, findings);
            evaluateName(assignment, findings);
        }

        // Managed HSM keys get their roles through the HSM's local RBAC, which templates do not show.
        List<TemplateResource> keys = context.resourcesOfType(KeyRules.TYPE);
        if (!keys.isEmpty()) {
            TemplateResource key = keys.get(0);
            requireRole(ENCRYPTION_USER, CRYPTO_SERVICE_ENCRYPTION_USER, "Key Vault Crypto Service Encryption User",
                    "the disk encryption set's user-assigned identity", key, assignments, findings);
            requireRole(RELEASE_USER, CRYPTO_SERVICE_RELEASE_USER, "Key Vault Crypto Service Release User",
                    "the Confidential VM Orchestrator service principal (appId bf7b6499-ff71-4aa2-97a4-f372087be7f0)",
                    key, assignments, findings);
        }
        return findings;
    }

    private static void evaluatePrincipalType(TemplateResource assignment, List<Finding> findings) {
        ResolvedValue principalType = assignment.value("properties.principalType");
        if (principalType.isExpression()) {
            findings.add(notChecked(PRINCIPAL_TYPE, assignment, "properties.principalType", principalType));
            return;
        }
        if (principalType.isMissing() || principalType.asText() == null || principalType.asText().isBlank()) {
            findings.add(violation(PRINCIPAL_TYPE, assignment, "properties.principalType",
                    "properties.principalType is " + principalType.describe() + "; without it ARM looks the principal up"
                            + " in Entra ID, and a just-created identity is not replicated yet, so the assignment fails with PrincipalNotFound.",
                    "Set properties.principalType to 'ServicePrincipal' for managed identities and service principals."));
            return;
        }
        boolean cryptoRole = grants(assignment, CRYPTO_SERVICE_ENCRYPTION_USER) || grants(assignment, CRYPTO_SERVICE_RELEASE_USER);
        if (cryptoRole && !principalType.textEqualsIgnoreCase("ServicePrincipal")) {
            findings.add(violation(PRINCIPAL_TYPE, assignment, "properties.principalType",
                    "properties.principalType is " + principalType.describe() + " on a crypto service role; the disk"
                            + " encryption set identity and the Confidential VM Orchestrator are service principals.",
                    "Set properties.principalType to 'ServicePrincipal'."));
        }
    }

    private static void evaluateName(TemplateResource assignment, List<Finding> findings) {
        ResolvedValue name = assignment.value("name");
        if (name.isKnown()) {
            String text = name.asText() == null ? "" : name.asText();
            if (!GUID.matcher(lastSegment(text)).matches()) {
                findings.add(violation(DETERMINISTIC_NAME, assignment, "name", "name is " + name.describe()
                                + "; a role assignment name must be a GUID.",
                        "Name it [guid(<scope id>, <principal id>, <role definition id>)] so re-deploys reuse the assignment."));
            }
            return;
        }

        String expression = name.isExpression() ? name.expression() : "";
        String lower = expression.toLowerCase(Locale.ROOT);
        if (lower.contains("newguid(")) {
            findings.add(violation(DETERMINISTIC_NAME, assignment, "name", "name is " + name.describe()
                            + "; newGuid() gives a new name on every deployment, so re-deploys create duplicate assignments"
                            + " (and fail with RoleAssignmentExists).",
                    "Name it [guid(<scope id>, <principal id>, <role definition id>)]."));
        } else if (name.isMissing()) {
            findings.add(violation(DETERMINISTIC_NAME, assignment, "name", "name is missing; ARM requires a GUID name.",
                    "Name it [guid(<scope id>, <principal id>, <role definition id>)]."));
        } else if (!GUID_CALL.matcher(expression).find()) {
            findings.add(notChecked(DETERMINISTIC_NAME, assignment, "name", name));
        }
    }

    private static void requireRole(RuleDescriptor rule, String roleGuid, String roleName, String principal,
                                    TemplateResource key, List<TemplateResource> assignments, List<Finding> findings) {
        boolean unresolved = false;
        for (TemplateResource assignment : assignments) {
            if (grants(assignment, roleGuid)) {
                return;
            }
            unresolved |= assignment.value("properties.roleDefinitionId").isExpression()
                    && !GUID.matcher(assignment.value("properties.roleDefinitionId").expression()).find();
        }

        String message = "the template creates this Confidential VM key but no role assignment grants " + roleName
                + " (" + roleGuid + ") to " + principal;
        if (unresolved) {
            findings.add(new Finding(rule.id(), Severity.INFO, key.label(), key.path(""),
                    RuleSupport.subject(key) + ": " + message + ", unless one of the role definitions given as an expression is it.",
                    "Supply the parameter values to check the role definitions before deployment."));
            return;
        }
        findings.add(violation(rule, key, "", message + "; without it "
                        + (rule == RELEASE_USER ? "the key cannot be released into the VM and a Confidential VM cannot start."
                        : "the disk encryption set cannot wrap or unwrap disk keys."),
                "Add a role assignment on the key with roleDefinitionId subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '"
                        + roleGuid + "') for " + principal + ", principalType 'ServicePrincipal'."));
    }

    /** Returns true when the assignment's role definition contains the role GUID, as written or after resolution. */
    static boolean grants(TemplateResource assignment, String roleGuid) {
        ResolvedValue roleDefinition = assignment.value("properties.roleDefinitionId");
        String text = roleDefinition.isExpression() ? roleDefinition.expression() : roleDefinition.asText();
        return text != null && text.toLowerCase(Locale.ROOT).contains(roleGuid);
    }

    private static String lastSegment(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }
}
