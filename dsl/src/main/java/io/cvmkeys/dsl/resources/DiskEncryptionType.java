package io.cvmkeys.dsl.resources;

/** A Disk Encryption Set's {@code encryptionType}. */
public enum DiskEncryptionType {
    /** Confidential VM OS disks and VM guest state, encrypted with a customer key released after attestation. */
    CONFIDENTIAL_VM_ENCRYPTED_WITH_CUSTOMER_KEY("ConfidentialVmEncryptedWithCustomerKey"),
    /** Server-side encryption of ordinary disks; wrong for Confidential VMs. */
    ENCRYPTION_AT_REST_WITH_CUSTOMER_KEY("EncryptionAtRestWithCustomerKey"),
    ENCRYPTION_AT_REST_WITH_PLATFORM_AND_CUSTOMER_KEYS("EncryptionAtRestWithPlatformAndCustomerKeys");

    private final String value;

    DiskEncryptionType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
