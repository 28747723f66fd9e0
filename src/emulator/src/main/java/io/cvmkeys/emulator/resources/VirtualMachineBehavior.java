package io.cvmkeys.emulator.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.Operation;
import io.cvmkeys.emulator.server.ResourceId;
import io.cvmkeys.emulator.state.StoredResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Virtual machines with power states. {@code deallocate}, {@code start}, {@code powerOff} and {@code restart} are
 * long-running: the VM shows the transitional state ({@code deallocating}, {@code starting}, ...) until the
 * operation's simulated duration has passed. The power state appears as {@code PowerState/...} in the instance view,
 * which GET returns with {@code $expand=instanceView} and the subscription list with {@code statusOnly=true}.
 *
 * <p>Emulator-only data: {@code powerState}, and the optional per-VM {@code deallocateSeconds} and
 * {@code startSeconds}.
 */
final class VirtualMachineBehavior implements ResourceBehavior {

    @Override
    public StoredResource prepare(EmulatorContext context, ArmRequest request, ResourceId id, StoredResource existing,
                                  ObjectNode requestBody) {
        StoredResource prepared = GenericResources.prepare(context, id, existing, requestBody);
        ObjectNode properties = prepared.properties();
        properties.remove("instanceView");
        properties.put("vmId", existing != null ? Json.text(existing.body(), "properties.vmId")
            : UUID.randomUUID().toString());
        if (!prepared.internal().has("powerState")) {
            prepared.internal().put("powerState", "running");
        }
        for (String diskId : diskIds(prepared)) {
            context.store().get(diskId).ifPresent(disk -> disk.body().put("managedBy", prepared.id()));
        }
        return prepared;
    }

    @Override
    public ObjectNode render(EmulatorContext context, StoredResource resource, ArmRequest request) {
        ObjectNode body = resource.body().deepCopy();
        String expand = request.query("$expand");
        if (request.queryFlag("statusOnly") || (expand != null && expand.toLowerCase(Locale.ROOT).contains("instanceview"))) {
            Json.child(body, "properties").set("instanceView", instanceView(resource));
        }
        return body;
    }

    @Override
    public Optional<ArmResponse> subresource(EmulatorContext context, ArmRequest request, StoredResource resource,
                                             String name) {
        if (name.equalsIgnoreCase("instanceView")) {
            return Optional.of(ArmResponse.ok(instanceView(resource)));
        }
        return Optional.empty();
    }

    @Override
    public ArmResponse delete(EmulatorContext context, ArmRequest request, StoredResource existing) {
        for (String diskId : diskIds(existing)) {
            context.store().get(diskId).ifPresent(disk -> disk.body().remove("managedBy"));
        }
        return ResourceBehavior.super.delete(context, request, existing);
    }

    @Override
    public ArmResponse action(EmulatorContext context, ArmRequest request, StoredResource vm, String action) {
        String current = vm.internal().path("powerState").asText("running");
        String inProgress = vm.internal().path("operationId").asText(null);
        if (inProgress != null && context.operations().get(inProgress)
            .map(operation -> operation.status() == Operation.Status.InProgress).orElse(false)) {
            throw ArmException.conflict("OperationNotAllowed", "Operation '" + action + "' is not allowed on VM '"
                + vm.body().path("name").asText() + "' while it is " + current + "; wait for the running operation "
                + "to finish.");
        }

        Transition transition = transition(context, vm, action, current);
        vm.internal().put("powerState", transition.during());
        ResourceId id = vm.resourceId();
        Operation operation = context.operations().start(request, id.subscriptionId(), "Microsoft.Compute",
            vm.body().path("location").asText(), transition.duration(),
            () -> {
                context.store().get(id.id()).ifPresent(latest -> {
                    latest.internal().put("powerState", transition.after());
                    latest.internal().remove("operationId");
                });
                return null;
            },
            error -> context.store().get(id.id()).ifPresent(latest -> {
                latest.internal().put("powerState", current);
                latest.internal().remove("operationId");
            }));
        vm.internal().put("operationId", operation.id());
        return ArmResponse.accepted().headers(context.operations().pollingHeaders(operation, request.apiVersion()));
    }

    private record Transition(String during, String after, Duration duration) {
    }

    private static Transition transition(EmulatorContext context, StoredResource vm, String action, String current) {
        Duration deallocate = seconds(vm, "deallocateSeconds", context.options().vmDeallocateDuration());
        Duration start = seconds(vm, "startSeconds", context.options().vmStartDuration());
        switch (action.toLowerCase(Locale.ROOT)) {
            case "deallocate":
                return current.equals("deallocated") ? new Transition(current, current, Duration.ZERO)
                    : new Transition("deallocating", "deallocated", deallocate);
            case "start":
                return current.equals("running") ? new Transition(current, current, Duration.ZERO)
                    : new Transition("starting", "running", start);
            case "poweroff":
                return current.equals("running") ? new Transition("stopping", "stopped", deallocate)
                    : new Transition(current, current, Duration.ZERO);
            case "restart":
                if (!current.equals("running")) {
                    throw ArmException.conflict("OperationNotAllowed", "Cannot restart VM '"
                        + vm.body().path("name").asText() + "' while it is " + current + "; start it instead.");
                }
                return new Transition("starting", "running", start);
            default:
                throw new ArmException(404, "InvalidResourceType", "Virtual machines have no action '" + action
                    + "' in the emulator; supported: deallocate, start, powerOff, restart.");
        }
    }

    private static Duration seconds(StoredResource vm, String field, Duration fallback) {
        JsonNode value = vm.internal().get(field);
        return value != null && value.isNumber() ? Duration.ofMillis((long) (value.asDouble() * 1000)) : fallback;
    }

    /** Returns the instance view: provisioning and power state, as in VirtualMachines_InstanceView. */
    static ObjectNode instanceView(StoredResource vm) {
        String power = vm.internal().path("powerState").asText("running");
        boolean transitioning = power.endsWith("ing") && !power.equals("running");
        ObjectNode view = Json.object();
        view.put("computerName", vm.body().path("name").asText());
        ArrayNode statuses = view.putArray("statuses");
        ObjectNode provisioning = statuses.addObject();
        provisioning.put("code", transitioning ? "ProvisioningState/updating" : "ProvisioningState/succeeded");
        provisioning.put("level", "Info");
        provisioning.put("displayStatus", transitioning ? "Updating" : "Provisioning succeeded");
        ObjectNode powerStatus = statuses.addObject();
        powerStatus.put("code", "PowerState/" + power);
        powerStatus.put("level", "Info");
        powerStatus.put("displayStatus", "VM " + power);
        return view;
    }

    /** Returns the ids of the OS disk and data disks the VM references. */
    static List<String> diskIds(StoredResource vm) {
        List<String> ids = new ArrayList<>();
        JsonNode storage = vm.body().path("properties").path("storageProfile");
        String osDisk = Json.text(storage, "osDisk.managedDisk.id");
        if (osDisk != null) {
            ids.add(osDisk);
        }
        for (JsonNode dataDisk : storage.path("dataDisks")) {
            String dataDiskId = Json.text(dataDisk, "managedDisk.id");
            if (dataDiskId != null) {
                ids.add(dataDiskId);
            }
        }
        return ids;
    }
}
