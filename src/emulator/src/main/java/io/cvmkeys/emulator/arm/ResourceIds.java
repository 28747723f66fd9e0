package io.cvmkeys.emulator.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds and takes apart ARM resource ids. */
final class ResourceIds {

    private ResourceIds() {
    }

    /**
     * Returns {@code /providers/Ns/type1/name1/type2/name2} for a full type {@code Ns/type1/type2} and its names.
     * Names may also be given as one argument with {@code /} between the segments ({@code kv1/key1}).
     *
     * @throws ArmExpressionException when the number of name segments does not match the type's levels
     */
    static String providerPath(String type, List<String> names) {
        String[] typeSegments = type.split("/");
        if (typeSegments.length < 2 || type.startsWith("/") || type.endsWith("/")) {
            throw ArmExpressionException.invalidTemplate("The resource type '" + type
                    + "' is not valid: expected a namespace and at least one type, such as 'Microsoft.KeyVault/vaults'.");
        }

        List<String> nameSegments = new ArrayList<>();
        for (String name : names) {
            for (String segment : name.split("/", -1)) {
                nameSegments.add(segment);
            }
        }
        if (nameSegments.size() != typeSegments.length - 1) {
            throw ArmExpressionException.invalidTemplate("The resource name '" + String.join("/", names)
                    + "' does not match the resource type '" + type + "': a resource of this type needs "
                    + (typeSegments.length - 1) + " name segment(s) but " + nameSegments.size() + " were given.");
        }
        for (String segment : nameSegments) {
            if (segment.isEmpty()) {
                throw ArmExpressionException.invalidTemplate("The resource name '" + String.join("/", names)
                        + "' of type '" + type + "' has an empty segment.");
            }
        }

        StringBuilder path = new StringBuilder("/providers/").append(typeSegments[0]);
        for (int i = 1; i < typeSegments.length; i++) {
            path.append('/').append(typeSegments[i]).append('/').append(nameSegments.get(i - 1));
        }
        return path.toString();
    }

    /** Returns the id of a resource in a resource group. */
    static String resourceGroupResourceId(String subscriptionId, String resourceGroup, String type, List<String> names) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup + providerPath(type, names);
    }

    /**
     * Resolves an extension resource's {@code scope}: a full id stays as it is, a relative
     * {@code Ns/type1/name1/type2/name2} is taken as a resource in the deployment's resource group.
     */
    static String resolveScope(DeploymentContext context, String scope) {
        if (scope.startsWith("/")) {
            return trimTrailingSlash(scope);
        }

        String[] segments = scope.split("/");
        if (segments.length < 3 || segments.length % 2 == 0) {
            throw ArmExpressionException.invalidTemplate("The scope '" + scope + "' is not valid: expected a full"
                    + " resource id or a relative id such as 'Microsoft.KeyVault/vaults/kv1/keys/key1'.");
        }
        return context.resourceGroupId() + "/providers/" + trimTrailingSlash(scope);
    }

    /** Returns the full resource type named in an id, such as {@code Microsoft.KeyVault/vaults/keys}. */
    static String typeOf(String resourceId) {
        int providers = resourceId.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (providers < 0) {
            return "Microsoft.Resources/resourceGroups";
        }
        String[] segments = resourceId.substring(providers + "/providers/".length()).split("/");
        StringBuilder type = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i += 2) {
            type.append('/').append(segments[i]);
        }
        return type.toString();
    }

    /** Returns the full name in an id, one segment per type level, such as {@code kv1/key1}. */
    static String nameOf(String resourceId) {
        int providers = resourceId.toLowerCase(Locale.ROOT).lastIndexOf("/providers/");
        if (providers < 0) {
            return resourceId.substring(resourceId.lastIndexOf('/') + 1);
        }
        String[] segments = resourceId.substring(providers + "/providers/".length()).split("/");
        List<String> names = new ArrayList<>();
        for (int i = 2; i < segments.length; i += 2) {
            names.add(segments[i]);
        }
        return String.join("/", names);
    }

    private static String trimTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
