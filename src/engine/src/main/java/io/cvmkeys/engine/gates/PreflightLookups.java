package io.cvmkeys.engine.gates;

import java.util.List;
import java.util.Optional;

/** Read-only look-ups the gates make before anything is written, so a deployment fails before its first PUT. */
public interface PreflightLookups {

    /** Returns the soft-deleted vault that keeps the name {@code vaultName} in the subscription, if any. */
    Optional<DeletedVault> deletedVault(String location, String vaultName);

    /** Returns the Event Grid system topics of the subscription whose {@code source} is {@code sourceId}. */
    List<ExistingSystemTopic> systemTopicsWithSource(String sourceId);

    /** Returns the role assignments defined exactly at {@code scope}. */
    List<ExistingRoleAssignment> roleAssignmentsAt(String scope);

    /** A vault in the soft-deleted state, which keeps its name until it is purged. */
    record DeletedVault(String id, String name, String location, String deletionDate, String scheduledPurgeDate) {
    }

    record ExistingSystemTopic(String id, String name, String source) {
    }

    record ExistingRoleAssignment(String id, String name, String principalId, String roleDefinitionId) {
    }

    /** Look-ups that find nothing, for targets where none can be made. */
    static PreflightLookups none() {
        return new PreflightLookups() {
            @Override
            public Optional<DeletedVault> deletedVault(String location, String vaultName) {
                return Optional.empty();
            }

            @Override
            public List<ExistingSystemTopic> systemTopicsWithSource(String sourceId) {
                return List.of();
            }

            @Override
            public List<ExistingRoleAssignment> roleAssignmentsAt(String scope) {
                return List.of();
            }
        };
    }
}
