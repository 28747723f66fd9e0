package io.cvmkeys.emulator.server;

import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.state.ResourceStore;
import io.cvmkeys.emulator.state.StoredResource;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** The shared state of one emulator's request handlers: options, clock, resources, operations and paging. */
public final class EmulatorContext {
    private final ArmEmulatorOptions options;
    private final ResourceStore store;
    private final OperationRegistry operations;
    private final Pager pager;
    private final String endpoint;
    private final Object lock = new Object();

    public EmulatorContext(ArmEmulatorOptions options, ResourceStore store, String endpoint) {
        this.options = options;
        this.store = store;
        this.endpoint = endpoint;
        this.operations = new OperationRegistry(options.clock(), options.retryAfter(), endpoint);
        this.pager = new Pager(endpoint, options.pageSize());
    }

    /** Returns the lock that every request and every direct state change holds, so handlers see one state at a time. */
    public Object lock() {
        return lock;
    }

    public ArmEmulatorOptions options() {
        return options;
    }

    public ResourceStore store() {
        return store;
    }

    public OperationRegistry operations() {
        return operations;
    }

    public Pager pager() {
        return pager;
    }

    /** Returns the base URL, {@code https://127.0.0.1:<port>/}. */
    public String endpoint() {
        return endpoint;
    }

    public Clock clock() {
        return options.clock();
    }

    public Instant now() {
        return options.clock().instant();
    }

    public String tenantId() {
        return options.tenantId();
    }

    /** Returns the resource group, or raises 404 {@code ResourceGroupNotFound}. */
    public StoredResource requireResourceGroup(String subscriptionId, String resourceGroup) {
        return store.get(resourceGroupId(subscriptionId, resourceGroup))
            .orElseThrow(() -> ArmException.resourceGroupNotFound(resourceGroup));
    }

    public static String resourceGroupId(String subscriptionId, String resourceGroup) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    /** Returns a GUID derived from {@code seed}, so the same resource always gets the same principal or client id. */
    public static String stableGuid(String kind, String seed) {
        return UUID.nameUUIDFromBytes((kind + ":" + seed.toLowerCase(Locale.ROOT)).getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Normalizes a location the way ARM does: {@code West Europe} becomes {@code westeurope}. */
    public static String normalizeLocation(String location) {
        return location == null ? null : location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
