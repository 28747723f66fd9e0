package io.cvmkeys.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.AuthorizationManager;
import com.azure.resourcemanager.authorization.fluent.RoleAssignmentsClient;
import com.azure.resourcemanager.authorization.fluent.models.RoleAssignmentInner;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoleAssignmentTest {
    private static final String RELEASE_USER = "/subscriptions/" + EmulatorTesting.SUBSCRIPTION
        + "/providers/Microsoft.Authorization/roleDefinitions/08bbd89e-9f13-488c-ac41-acfcb10c90ab";
    private static final String PRINCIPAL = "0c1f6b7e-3f7a-4b7e-9d9e-5d2b8a0c0001";

    private ArmEmulator emulator;
    private RoleAssignmentsClient roleAssignments;
    private String keyScope;

    @BeforeEach
    void start() {
        emulator = ArmEmulator.start(EmulatorTesting.options(SimulatedClock.startingAt(EmulatorTesting.START)));
        ResourceManager arm = EmulatorTesting.resourceManager(emulator);
        arm.resourceGroups().define("rg-roles").withRegion("westeurope").create();
        String vaultId = "/subscriptions/" + EmulatorTesting.SUBSCRIPTION
            + "/resourceGroups/rg-roles/providers/Microsoft.KeyVault/vaults/kv-roles";
        arm.genericResources().manager().serviceClient().getResources().createOrUpdateById(vaultId, "2023-07-01",
            new GenericResourceInner().withLocation("westeurope").withProperties(Map.of("tenantId",
                ArmEmulatorOptions.DEFAULT_TENANT_ID, "sku", Map.of("family", "A", "name", "premium"))));
        keyScope = vaultId + "/keys/cmk";
        arm.genericResources().manager().serviceClient().getResources().createOrUpdateById(keyScope, "2023-07-01",
            new GenericResourceInner().withProperties(Map.of("kty", "RSA-HSM", "keySize", 3072)));
        roleAssignments = AuthorizationManager.configure()
            .withHttpClient(emulator.httpClient())
            .authenticate(emulator.credential(), emulator.profile(EmulatorTesting.SUBSCRIPTION))
            .roleServiceClient().getRoleAssignments();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void assignmentAtKeyScopeRecordsScope() {
        String name = UUID.randomUUID().toString();

        RoleAssignmentInner created = roleAssignments.create(keyScope, name, releaseUser());

        assertThat(created.name()).isEqualTo(name);
        assertThat(created.scope()).isEqualToIgnoringCase(keyScope);
        assertThat(created.principalId()).isEqualTo(PRINCIPAL);
        assertThat(created.id()).startsWith("/subscriptions/" + EmulatorTesting.SUBSCRIPTION + "/resourcegroups/RG-ROLES/");
    }

    @Test
    void repeatedPutWithSameNameIsAccepted() {
        String name = UUID.randomUUID().toString();
        roleAssignments.create(keyScope, name, releaseUser());

        RoleAssignmentInner again = roleAssignments.create(keyScope, name, releaseUser());

        assertThat(again.name()).isEqualTo(name);
        assertThat(roleAssignments.listForScope(keyScope).stream().collect(Collectors.toList())).hasSize(1);
    }

    @Test
    void duplicateUnderNewNameFails() {
        roleAssignments.create(keyScope, UUID.randomUUID().toString(), releaseUser());

        assertThatThrownBy(() -> roleAssignments.create(keyScope, UUID.randomUUID().toString(), releaseUser()))
            .isInstanceOfSatisfying(ManagementException.class, e -> {
                assertThat(e.getResponse().getStatusCode()).isEqualTo(409);
                assertThat(e.getValue().getCode()).isEqualTo("RoleAssignmentExists");
            });
    }

    @Test
    void sameRoleForAnotherPrincipalIsAllowed() {
        roleAssignments.create(keyScope, UUID.randomUUID().toString(), releaseUser());

        RoleAssignmentInner other = roleAssignments.create(keyScope, UUID.randomUUID().toString(),
            releaseUser().withPrincipalId("0c1f6b7e-3f7a-4b7e-9d9e-5d2b8a0c0002"));

        assertThat(other.principalId()).endsWith("0002");
    }

    @Test
    void nonGuidNameIsRejected() {
        assertThatThrownBy(() -> roleAssignments.create(keyScope, "not-a-guid", releaseUser()))
            .isInstanceOfSatisfying(ManagementException.class,
                e -> assertThat(e.getValue().getCode()).isEqualTo("InvalidRoleAssignmentId"));
    }

    private static RoleAssignmentCreateParameters releaseUser() {
        return new RoleAssignmentCreateParameters()
            .withRoleDefinitionId(RELEASE_USER)
            .withPrincipalId(PRINCIPAL)
            .withPrincipalType(PrincipalType.SERVICE_PRINCIPAL);
    }
}
