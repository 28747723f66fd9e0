package io.cvmkeys.emulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed ARM resource id: {@code {scope}/providers/{namespace}/{type}/{name}[/{type}/{name}...]}.
 *
 * <p>The scope is what precedes the last {@code /providers/} segment: a subscription, a resource group, or another
 * resource for extension resources such as role assignments. Ids compare case-insensitively, as in ARM.
 */
public final class ResourceId {
    private final String id;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String scope;
    private final String namespace;
    private final List<String> types;
    private final List<String> names;

    private ResourceId(String id, String subscriptionId, String resourceGroup, String scope, String namespace,
                       List<String> types, List<String> names) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.scope = scope;
        this.namespace = namespace;
        this.types = List.copyOf(types);
        this.names = List.copyOf(names);
    }

    /**
     * Parses the resource id in {@code segments} (a path split on {@code /}, without the leading empty segment). The
     * part after the last {@code providers} segment must hold a namespace and whole type/name pairs.
     */
    public static ResourceId parse(List<String> segments) {
        int providers = lastProvidersIndex(segments);
        if (segments.size() < 2 || !segments.get(0).equalsIgnoreCase("subscriptions") || providers < 0
            || (segments.size() - providers - 2) % 2 != 0 || segments.size() - providers - 2 < 2) {
            throw ArmException.badRequest("InvalidResourceId",
                "'/" + String.join("/", segments) + "' is not a valid resource id: expected "
                    + "/subscriptions/{subscriptionId}[/resourceGroups/{name}]/providers/{namespace}/{type}/{name}.");
        }

        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = providers + 2; i < segments.size(); i += 2) {
            types.add(segments.get(i));
            names.add(segments.get(i + 1));
        }
        String scope = "/" + String.join("/", segments.subList(0, providers));
        String resourceGroup = segments.size() > 3 && segments.get(2).equalsIgnoreCase("resourceGroups")
            && providers > 3 ? segments.get(3) : null;
        return new ResourceId("/" + String.join("/", segments), segments.get(1), resourceGroup, scope,
            segments.get(providers + 1), types, names);
    }

    /** Parses an id string such as {@code /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/d1}. */
    public static ResourceId parse(String id) {
        String trimmed = id.startsWith("/") ? id.substring(1) : id;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return parse(List.of(trimmed.split("/")));
    }

    /** Returns the index of the last {@code providers} segment that starts a provider part, or -1. */
    static int lastProvidersIndex(List<String> segments) {
        for (int i = segments.size() - 2; i >= 2; i--) {
            if (segments.get(i).equalsIgnoreCase("providers")) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the key under which the emulator stores ids: lower case, because ARM ids are case-insensitive. */
    public static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    public String id() {
        return id;
    }

    public String key() {
        return key(id);
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    /** Returns the resource group, or {@code null} for subscription-level resources. */
    public String resourceGroup() {
        return resourceGroup;
    }

    public String scope() {
        return scope;
    }

    public String namespace() {
        return namespace;
    }

    /** Returns the full type, for example {@code Microsoft.KeyVault/vaults/keys}. */
    public String type() {
        return namespace + "/" + String.join("/", types);
    }

    public String name() {
        return names.get(names.size() - 1);
    }

    public List<String> names() {
        return names;
    }

    /** Returns whether this is an extension resource, one whose scope is itself a resource. */
    public boolean isExtension() {
        return lastProvidersIndex(List.of(scope.substring(1).split("/"))) >= 0;
    }

    /** Returns the parent resource for a child such as a key, or {@code null} for a top-level resource. */
    public ResourceId parent() {
        if (names.size() < 2) {
            return null;
        }
        return parse(id.substring(0, id.length() - types.get(types.size() - 1).length() - name().length() - 2));
    }

    /** Returns whether this id has the type {@code fullType}, compared case-insensitively. */
    public boolean hasType(String fullType) {
        return type().equalsIgnoreCase(fullType);
    }

    /** Returns the id of the resource group that contains this resource, or {@code null}. */
    public String resourceGroupId() {
        return resourceGroup == null ? null : "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup;
    }

    @Override
    public String toString() {
        return id;
    }
}
