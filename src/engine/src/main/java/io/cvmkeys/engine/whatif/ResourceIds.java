package io.cvmkeys.engine.whatif;

/** Splits ARM resource ids into scope, type and name. */
public final class ResourceIds {

    private static final String PROVIDERS = "/providers/";

    private ResourceIds() {
    }

    /**
     * Returns the scope the resource is deployed to: the resource group id for a resource in a group, the parent resource id
     * for an extension resource such as a role assignment on a key.
     */
    public static String scope(String resourceId) {
        int providers = resourceId.toLowerCase(java.util.Locale.ROOT).lastIndexOf(PROVIDERS);
        return providers < 0 ? resourceId : resourceId.substring(0, providers);
    }

    /** Returns the id relative to its scope, for example {@code Microsoft.KeyVault/vaults/kv1/keys/key1}. */
    public static String relative(String resourceId) {
        int providers = resourceId.toLowerCase(java.util.Locale.ROOT).lastIndexOf(PROVIDERS);
        return providers < 0 ? resourceId : resourceId.substring(providers + PROVIDERS.length());
    }

    /** Returns the full type, for example {@code Microsoft.KeyVault/vaults/keys} for {@code .../vaults/kv1/keys/key1}. */
    public static String type(String resourceId) {
        String[] segments = relative(resourceId).split("/");
        if (segments.length < 3) {
            return relative(resourceId);
        }
        StringBuilder type = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }

    /** Returns the last name segment, for example {@code key1}. */
    public static String name(String resourceId) {
        return resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }
}
