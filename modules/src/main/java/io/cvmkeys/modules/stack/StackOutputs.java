package io.cvmkeys.modules.stack;

/** Names of the stage outputs that later stages, the deployment record and the operator read. */
public final class StackOutputs {

    public static final String VAULT_ID = "vaultId";
    public static final String VAULT_URI = "vaultUri";
    public static final String KEY_URI_WITH_VERSION = "keyUriWithVersion";
    public static final String IDENTITY_ID = "identityId";
    public static final String IDENTITY_PRINCIPAL_ID = "identityPrincipalId";
    public static final String DISK_ENCRYPTION_SET_ID = "diskEncryptionSetId";
    public static final String ACTION_GROUP_ID = "actionGroupId";
    public static final String SYSTEM_TOPIC_ID = "systemTopicId";

    private StackOutputs() {
    }
}
