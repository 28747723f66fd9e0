package io.cvmkeys.dsl.resources;

/** Azure built-in roles the stack assigns, with their role definition ids (the same in every tenant). */
public enum BuiltInRole {
    /** Wrap and unwrap with a key: what a Disk Encryption Set's identity needs. */
    KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER("Key Vault Crypto Service Encryption User", "e147488a-f6f5-4113-8e2d-b22465e65bf6"),
    /** Release an exportable key: what the Confidential VM Orchestrator needs on a CVM disk key. */
    KEY_VAULT_CRYPTO_SERVICE_RELEASE_USER("Key Vault Crypto Service Release User", "08bbd89e-9f13-488c-ac41-acfcb10c90ab"),
    KEY_VAULT_CRYPTO_OFFICER("Key Vault Crypto Officer", "14b46e9e-c2b7-41b4-b07b-48a6ebf60603"),
    KEY_VAULT_CRYPTO_USER("Key Vault Crypto User", "12338af0-0e69-4776-bea7-57ae8d297424"),
    KEY_VAULT_ADMINISTRATOR("Key Vault Administrator", "00482a5a-887f-4fb3-b363-3b7fe8e74483"),
    READER("Reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7");

    /** Application id of the Confidential VM Orchestrator; its object id differs per tenant. */
    public static final String CONFIDENTIAL_VM_ORCHESTRATOR_APP_ID = "bf7b6499-ff71-4aa2-97a4-f372087be7f0";

    private final String roleName;
    private final String id;

    BuiltInRole(String roleName, String id) {
        this.roleName = roleName;
        this.id = id;
    }

    public String roleName() {
        return roleName;
    }

    /** The role definition GUID. */
    public String id() {
        return id;
    }
}
