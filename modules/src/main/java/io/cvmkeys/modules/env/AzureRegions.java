package io.cvmkeys.modules.env;

import java.util.Set;

/**
 * Public Azure region names (the {@code name} column of {@code az account list-locations}) as of 2026. A newer region
 * is reported as unknown; add it here when Azure opens it.
 */
final class AzureRegions {

    static final Set<String> NAMES = Set.of(
            "australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "austriaeast",
            "belgiumcentral", "brazilsouth", "brazilsoutheast", "canadacentral", "canadaeast", "centralindia",
            "centralus", "chilecentral", "eastasia", "eastus", "eastus2", "francecentral", "francesouth",
            "germanynorth", "germanywestcentral", "indonesiacentral", "israelcentral", "italynorth", "japaneast",
            "japanwest", "jioindiacentral", "jioindiawest", "koreacentral", "koreasouth", "malaysiawest",
            "mexicocentral", "newzealandnorth", "northcentralus", "northeurope", "norwayeast", "norwaywest",
            "polandcentral", "qatarcentral", "southafricanorth", "southafricawest", "southcentralus", "southeastasia",
            "southindia", "spaincentral", "swedencentral", "swedensouth", "switzerlandnorth", "switzerlandwest",
            "uaecentral", "uaenorth", "uksouth", "ukwest", "westcentralus", "westeurope", "westindia", "westus",
            "westus2", "westus3");

    private AzureRegions() {
    }
}
