package io.cvmkeys.dsl.resources;

/** Key Vault pricing tier; only {@code premium} can hold HSM-backed keys such as {@code RSA-HSM}. */
public enum KeyVaultSku {
    STANDARD("standard"),
    PREMIUM("premium");

    private final String value;

    KeyVaultSku(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
