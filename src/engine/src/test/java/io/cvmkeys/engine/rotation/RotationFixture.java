package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds emulator fixtures for rotation tests: a vault and key, a Disk Encryption Set, VMs, hosts and sessions. */
final class RotationFixture {

    static final String SUBSCRIPTION = "6a1f8a4e-0000-4000-8000-00000000c0de";
    static final String SUB = "/subscriptions/" + SUBSCRIPTION;
    static final String KEY_ID = SUB + "/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv-cmk/keys/cmk";
    static final String DES_ID = SUB + "/resourceGroups/rg-cmk/providers/Microsoft.Compute/diskEncryptionSets/des-cmk";
    static final String HOST_POOL_ID = SUB + "/resourceGroups/rg-hosts/providers/Microsoft.DesktopVirtualization/hostPools/hp-cvm";
    static final String INITIAL_KEY_URL = "https://kv-cmk.vault.azure.net/keys/cmk/0123456789abcdef0123456789abcdef";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One VM of the fixture. */
    static final class Vm {
        final String name;
        String resourceGroup = "rg-hosts";
        String powerState = "running";
        double deallocateSeconds = 60;
        double startSeconds = 90;
        boolean osDiskOnSet = true;
        boolean dataDiskOnSet;
        String setIdInDisk = DES_ID;
        Boolean allowNewSession = true;
        List<String> sessionStates = new ArrayList<>();

        Vm(String name) {
            this.name = name;
        }

        String id() {
            return SUB + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.Compute/virtualMachines/" + name;
        }

        String hostId() {
            return HOST_POOL_ID + "/sessionHosts/" + name + ".contoso.local";
        }
    }

    private final List<Vm> vms = new ArrayList<>();

    Vm vm(String name) {
        Vm vm = new Vm(name);
        vms.add(vm);
        return vm;
    }

    List<Vm> vms() {
        return vms;
    }

    Path write(Path directory) {
        ObjectNode fixture = MAPPER.createObjectNode();
        fixture.put("subscriptionId", SUBSCRIPTION);
        ArrayNode groups = fixture.putArray("resourceGroups");
        for (String group : List.of("rg-cmk", "rg-hosts", "rg-other")) {
            groups.addObject().put("name", group).put("location", "westeurope");
        }
        ArrayNode resources = fixture.putArray("resources");
        resource(resources, SUB + "/resourceGroups/rg-cmk/providers/Microsoft.KeyVault/vaults/kv-cmk",
                "{\"location\":\"westeurope\",\"properties\":{\"tenantId\":\"72f988bf-0000-4000-8000-00000000e001\","
                        + "\"sku\":{\"family\":\"A\",\"name\":\"premium\"},\"enableRbacAuthorization\":true,"
                        + "\"enableSoftDelete\":true,\"enablePurgeProtection\":true,\"enabledForDiskEncryption\":true}}");
        resource(resources, KEY_ID, "{\"properties\":{\"kty\":\"RSA-HSM\",\"keySize\":3072,"
                + "\"keyOps\":[\"wrapKey\",\"unwrapKey\"],\"attributes\":{\"enabled\":true,\"exp\":1798761600}}}");
        String identity = SUB + "/resourceGroups/rg-cmk/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-des";
        resource(resources, identity, "{\"location\":\"westeurope\"}");
        resource(resources, DES_ID, "{\"location\":\"westeurope\",\"identity\":{\"type\":\"UserAssigned\","
                + "\"userAssignedIdentities\":{\"" + identity + "\":{}}},\"properties\":{\"encryptionType\":"
                + "\"ConfidentialVmEncryptedWithCustomerKey\",\"activeKey\":{\"keyUrl\":\"" + INITIAL_KEY_URL + "\"},"
                + "\"rotationToLatestKeyVersionEnabled\":false}}");

        for (Vm vm : vms) {
            String diskPrefix = SUB + "/resourceGroups/" + vm.resourceGroup + "/providers/Microsoft.Compute/disks/" + vm.name;
            String osDisk = vm.osDiskOnSet
                    ? "{\"location\":\"westeurope\",\"properties\":{\"creationData\":{\"createOption\":\"Empty\"},"
                            + "\"diskSizeGB\":128,\"securityProfile\":{\"securityType\":\"ConfidentialVM_DiskEncryptedWithCustomerKey\","
                            + "\"secureVMDiskEncryptionSetId\":\"" + vm.setIdInDisk + "\"}}}"
                    : "{\"location\":\"westeurope\",\"properties\":{\"creationData\":{\"createOption\":\"Empty\"},\"diskSizeGB\":128}}";
            resource(resources, diskPrefix + "-os", osDisk);
            if (vm.dataDiskOnSet) {
                resource(resources, diskPrefix + "-data", "{\"location\":\"westeurope\",\"properties\":{\"creationData\":"
                        + "{\"createOption\":\"Empty\"},\"diskSizeGB\":64,\"encryption\":{\"type\":"
                        + "\"EncryptionAtRestWithCustomerKey\",\"diskEncryptionSetId\":\"" + vm.setIdInDisk + "\"}}}");
            }
            String dataDisks = vm.dataDiskOnSet
                    ? ",\"dataDisks\":[{\"lun\":0,\"createOption\":\"Attach\",\"managedDisk\":{\"id\":\"" + diskPrefix + "-data\"}}]"
                    : "";
            ObjectNode entry = resource(resources, vm.id(), "{\"location\":\"westeurope\",\"properties\":{\"storageProfile\":"
                    + "{\"osDisk\":{\"createOption\":\"Attach\",\"managedDisk\":{\"id\":\"" + diskPrefix + "-os\"}}" + dataDisks + "}}}");
            entry.putObject("emulator").put("powerState", vm.powerState).put("deallocateSeconds", vm.deallocateSeconds)
                    .put("startSeconds", vm.startSeconds);
        }

        resource(resources, HOST_POOL_ID, "{\"location\":\"westeurope\",\"properties\":{\"hostPoolType\":\"Pooled\","
                + "\"loadBalancerType\":\"BreadthFirst\",\"preferredAppGroupType\":\"Desktop\",\"maxSessionLimit\":10}}");
        for (Vm vm : vms) {
            if (vm.allowNewSession == null) {
                continue;
            }
            // The host's resourceId in lower case: ARM returns ids in varying case.
            resource(resources, vm.hostId(), "{\"properties\":{\"allowNewSession\":" + vm.allowNewSession
                    + ",\"resourceId\":\"" + vm.id().toLowerCase(java.util.Locale.ROOT) + "\"}}");
            for (int i = 0; i < vm.sessionStates.size(); i++) {
                resource(resources, vm.hostId() + "/userSessions/" + (i + 1), "{\"properties\":{\"userPrincipalName\":\"user"
                        + i + "@contoso.com\",\"sessionState\":\"" + vm.sessionStates.get(i) + "\"}}");
            }
        }

        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("fixture.json");
            MAPPER.writeValue(file.toFile(), fixture);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode resource(ArrayNode resources, String id, String body) {
        ObjectNode entry = resources.addObject();
        entry.put("id", id);
        try {
            entry.set("body", MAPPER.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }
}
