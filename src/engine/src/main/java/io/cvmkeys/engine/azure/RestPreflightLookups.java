package io.cvmkeys.engine.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.engine.gates.PreflightLookups;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link PreflightLookups} as ARM REST GETs through the authenticated pipeline. */
final class RestPreflightLookups implements PreflightLookups {

    private static final String KEY_VAULT_API = "2023-07-01";
    private static final String EVENT_GRID_API = "2023-12-15-preview";
    private static final String AUTHORIZATION_API = "2022-04-01";

    private final ArmRest rest;
    private final String subscriptionId;

    RestPreflightLookups(ArmRest rest, String subscriptionId) {
        this.rest = rest;
        this.subscriptionId = subscriptionId;
    }

    @Override
    public Optional<DeletedVault> deletedVault(String location, String vaultName) {
        return rest.get("/subscriptions/" + subscriptionId + "/providers/Microsoft.KeyVault/locations/" + location
                        + "/deletedVaults/" + vaultName + "?api-version=" + KEY_VAULT_API)
                .map(vault -> new DeletedVault(vault.path("id").asText(), vault.path("name").asText(vaultName),
                        vault.path("properties").path("location").asText(location),
                        vault.path("properties").path("deletionDate").asText("unknown"),
                        vault.path("properties").path("scheduledPurgeDate").asText("unknown")));
    }

    @Override
    public List<ExistingSystemTopic> systemTopicsWithSource(String sourceId) {
        List<ExistingSystemTopic> topics = new ArrayList<>();
        for (JsonNode topic : rest.list("/subscriptions/" + subscriptionId
                + "/providers/Microsoft.EventGrid/systemTopics?api-version=" + EVENT_GRID_API)) {
            String source = topic.path("properties").path("source").asText("");
            if (source.equalsIgnoreCase(sourceId)) {
                topics.add(new ExistingSystemTopic(topic.path("id").asText(), topic.path("name").asText(), source));
            }
        }
        return topics;
    }

    @Override
    public List<ExistingRoleAssignment> roleAssignmentsAt(String scope) {
        String filter = URLEncoder.encode("atScope()", StandardCharsets.UTF_8);
        List<ExistingRoleAssignment> assignments = new ArrayList<>();
        for (JsonNode assignment : rest.list(scope + "/providers/Microsoft.Authorization/roleAssignments?$filter=" + filter
                + "&api-version=" + AUTHORIZATION_API)) {
            JsonNode properties = assignment.path("properties");
            // atScope() also returns assignments inherited from parent scopes; keep the ones made at this scope.
            if (!properties.path("scope").asText(scope).equalsIgnoreCase(scope)) {
                continue;
            }
            assignments.add(new ExistingRoleAssignment(assignment.path("id").asText(), assignment.path("name").asText(),
                    properties.path("principalId").asText(""), properties.path("roleDefinitionId").asText("")));
        }
        return assignments;
    }
}
