package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;

/**
 * Managed disks. A disk encrypted through a disk encryption set remembers which key version currently wraps it
 * (emulator-only {@code keyUrl}), so the set can report {@code previousKeys} until every disk moved to the new key.
 */
final class DiskBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        if (existing != null && existing.body().has("managedBy") && !prepared.body().has("managedBy")) {
            prepared.body().set("managedBy", existing.body().get("managedBy"));
        }
        String desId = diskEncryptionSetId(prepared);
        boolean sameSet = existing != null && desId != null && desId.equalsIgnoreCase(diskEncryptionSetId(existing));
        if (desId != null && !sameSet) {
            context.store().get(desId).ifPresent(set ->
                prepared.internal().put("keyUrl", Json.text(set.body(), "properties.activeKey.keyUrl")));
        }
        return prepared;
    }

    @Override
    public ObjectNode render(EmulatorContext context, StoredResource resource, ArmRequest request) {
        ObjectNode body = resource.body().deepCopy();
        String managedBy = Json.text(body, "managedBy");
        String state = "Unattached";
        if (managedBy != null) {
            String power = context.store().get(managedBy)
                .map(vm -> vm.internal().path("powerState").asText("running")).orElse("running");
            state = power.equals("deallocated") ? "Reserved" : "Attached";
        }
        Json.child(body, "properties").put("diskState", state);
        return body;
    }

    /**
     * Returns the disk encryption set of a disk: {@code properties.encryption.diskEncryptionSetId} for data disks, or
     * {@code properties.securityProfile.secureVMDiskEncryptionSetId} for a Confidential VM's OS disk.
     */
    static String diskEncryptionSetId(StoredResource disk) {
        String dataDiskSet = Json.text(disk.body(), "properties.encryption.diskEncryptionSetId");
        return dataDiskSet != null ? dataDiskSet
            : Json.text(disk.body(), "properties.securityProfile.secureVMDiskEncryptionSetId");
    }
}
