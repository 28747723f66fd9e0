package io.cvmkeys.modules.env;

import java.util.Map;
import java.util.Optional;

/**
 * Regional shared providers of Microsoft Azure Attestation, the default authority of the release policy. Source:
 * the "Regional shared provider" table of the Azure Attestation basic concepts page on learn.microsoft.com. Other
 * regions have shared providers too, but they are not listed there, so environments in them must set
 * {@code key.attestationAuthority}.
 */
public final class AttestationAuthorities {

    private static final Map<String, String> SHARED_PROVIDERS = Map.of(
            "eastus", "https://sharedeus.eus.attest.azure.net",
            "westus", "https://sharedwus.wus.attest.azure.net",
            "uksouth", "https://shareduks.uks.attest.azure.net",
            "ukwest", "https://sharedukw.ukw.attest.azure.net",
            "canadaeast", "https://sharedcae.cae.attest.azure.net",
            "canadacentral", "https://sharedcac.cac.attest.azure.net",
            "northeurope", "https://sharedneu.neu.attest.azure.net",
            "westeurope", "https://sharedweu.weu.attest.azure.net",
            "eastus2", "https://sharedeus2.eus2.attest.azure.net",
            "centralus", "https://sharedcus.cus.attest.azure.net");

    private AttestationAuthorities() {
    }

    /** Returns the shared provider of {@code region}, or empty when cvmkeys has none on record. */
    public static Optional<String> sharedProvider(String region) {
        return Optional.ofNullable(SHARED_PROVIDERS.get(region));
    }
}
