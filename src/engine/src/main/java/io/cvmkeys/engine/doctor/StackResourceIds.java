package io.cvmkeys.engine.doctor;

import io.cvmkeys.modules.env.Environment;

/** The ARM ids of the resources an environment deploys, in the subscription the doctor checks. */
record StackResourceIds(String subscriptionId, String vault, String key, String identity, String diskEncryptionSet,
                        String systemTopic, String actionGroup, String sessionHostsResourceGroup) {

    /** The event subscription name the alert stage deploys under the system topic. */
    static final String EVENT_SUBSCRIPTION_NAME = "key-expiry-to-monitor-alert";

    static StackResourceIds of(Environment environment, String subscriptionId) {
        String subscription = "/subscriptions/" + subscriptionId;
        String vaultGroup = subscription + "/resourceGroups/" + environment.resourceGroups().keyVault();
        String desGroup = subscription + "/resourceGroups/" + environment.resourceGroups().diskEncryptionSet();
        String vault = vaultGroup + "/providers/Microsoft.KeyVault/vaults/" + environment.keyVault().name();
        return new StackResourceIds(subscriptionId,
                vault,
                vault + "/keys/" + environment.key().name(),
                vaultGroup + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/" + environment.identity().name(),
                desGroup + "/providers/Microsoft.Compute/diskEncryptionSets/" + environment.diskEncryptionSet().name(),
                vaultGroup + "/providers/Microsoft.EventGrid/systemTopics/" + environment.alerts().systemTopicName(),
                vaultGroup + "/providers/Microsoft.Insights/actionGroups/" + environment.alerts().actionGroupName(),
                subscription + "/resourceGroups/" + environment.resourceGroups().sessionHosts());
    }

    String eventSubscription() {
        return systemTopic + "/eventSubscriptions/" + EVENT_SUBSCRIPTION_NAME;
    }

    String deletedVault(String location, String vaultName) {
        return "/subscriptions/" + subscriptionId + "/providers/Microsoft.KeyVault/locations/" + location
                + "/deletedVaults/" + vaultName;
    }
}
