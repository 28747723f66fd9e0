package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;

/** Template functions about resources and the deployment's scope: ids, {@code reference()} and scope objects. */
final class ResourceFunctions {

    private ResourceFunctions() {
    }

    static JsonNode invoke(String name, FunctionArguments arguments, ExpressionEvaluator evaluator) {
        DeploymentContext context = evaluator.context();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "resourceid":
                return TextNode.valueOf(resourceId(arguments, context));
            case "subscriptionresourceid":
                return TextNode.valueOf(subscriptionResourceId(arguments, context));
            case "tenantresourceid":
                arguments.requireCount(2, Integer.MAX_VALUE);
                return TextNode.valueOf(ResourceIds.providerPath(arguments.string(0), arguments.strings(1)));
            case "extensionresourceid":
                arguments.requireCount(3, Integer.MAX_VALUE);
                return TextNode.valueOf(trimTrailingSlash(arguments.string(0))
                        + ResourceIds.providerPath(arguments.string(1), arguments.strings(2)));
            case "reference":
                return reference(arguments, evaluator);
            case "tenant":
                arguments.requireCount(0, 0);
                return tenant(context);
            case "subscription":
                arguments.requireCount(0, 0);
                return subscription(context);
            case "resourcegroup":
                arguments.requireCount(0, 0);
                return resourceGroup(context);
            case "deployment":
                arguments.requireCount(0, 0);
                return deployment(context);
            default:
                throw TemplateFunctions.unsupported(name);
        }
    }

    /**
     * {@code resourceId([subscriptionId,] [resourceGroupName,] type, name1, ...)}: the type is the first argument
     * with a {@code /}, because subscription ids and resource group names cannot contain one. The arguments before
     * it select the subscription and resource group.
     */
    private static String resourceId(FunctionArguments arguments, DeploymentContext context) {
        arguments.requireCount(2, Integer.MAX_VALUE);
        int typeIndex = typeArgumentIndex(arguments, 2);

        String subscriptionId = context.subscriptionId();
        String resourceGroup = context.resourceGroup();
        if (typeIndex == 2) {
            subscriptionId = arguments.string(0);
            resourceGroup = arguments.string(1);
        } else if (typeIndex == 1) {
            resourceGroup = arguments.string(0);
        }
        return ResourceIds.resourceGroupResourceId(
                subscriptionId, resourceGroup, arguments.string(typeIndex), namesAfter(arguments, typeIndex));
    }

    private static String subscriptionResourceId(FunctionArguments arguments, DeploymentContext context) {
        arguments.requireCount(2, Integer.MAX_VALUE);
        int typeIndex = typeArgumentIndex(arguments, 1);
        String subscriptionId = typeIndex == 1 ? arguments.string(0) : context.subscriptionId();
        return "/subscriptions/" + subscriptionId
                + ResourceIds.providerPath(arguments.string(typeIndex), namesAfter(arguments, typeIndex));
    }

    private static int typeArgumentIndex(FunctionArguments arguments, int maxScopeArguments) {
        for (int i = 0; i <= maxScopeArguments && i < arguments.size(); i++) {
            if (arguments.get(i).isTextual() && arguments.string(i).contains("/")) {
                return i;
            }
        }
        throw arguments.error("no argument is a resource type such as 'Microsoft.KeyVault/vaults'. The type must"
                + " follow at most " + maxScopeArguments + " scope argument(s)");
    }

    private static List<String> namesAfter(FunctionArguments arguments, int typeIndex) {
        if (typeIndex + 1 >= arguments.size()) {
            throw arguments.error("the resource type '" + arguments.string(typeIndex) + "' must be followed by"
                    + " its resource name(s)");
        }
        return arguments.strings(typeIndex + 1);
    }

    private static JsonNode reference(FunctionArguments arguments, ExpressionEvaluator evaluator) {
        arguments.requireCount(1, 3);
        String target = arguments.string(0);
        String apiVersion = arguments.size() >= 2 ? arguments.string(1) : null;
        boolean full = false;
        if (arguments.size() == 3) {
            String mode = arguments.string(2);
            if (!mode.equalsIgnoreCase("Full")) {
                throw arguments.error("the third argument must be 'Full' but is '" + mode + "'");
            }
            full = true;
        }
        return evaluator.references().reference(target, apiVersion, full);
    }

    private static JsonNode tenant(DeploymentContext context) {
        ObjectNode tenant = ArmValues.NODES.objectNode();
        tenant.put("tenantId", context.tenantId());
        tenant.put("id", "/tenants/" + context.tenantId());
        return tenant;
    }

    private static JsonNode subscription(DeploymentContext context) {
        ObjectNode subscription = ArmValues.NODES.objectNode();
        subscription.put("id", "/subscriptions/" + context.subscriptionId());
        subscription.put("subscriptionId", context.subscriptionId());
        subscription.put("tenantId", context.tenantId());
        subscription.put("displayName", context.subscriptionId());
        return subscription;
    }

    private static JsonNode resourceGroup(DeploymentContext context) {
        ObjectNode resourceGroup = ArmValues.NODES.objectNode();
        resourceGroup.put("id", context.resourceGroupId());
        resourceGroup.put("name", context.resourceGroup());
        resourceGroup.put("type", "Microsoft.Resources/resourceGroups");
        resourceGroup.put("location", context.location());
        resourceGroup.putObject("properties").put("provisioningState", "Succeeded");
        return resourceGroup;
    }

    private static JsonNode deployment(DeploymentContext context) {
        ObjectNode deployment = ArmValues.NODES.objectNode();
        deployment.put("name", context.deploymentName());
        deployment.put("id", context.resourceGroupId() + "/providers/Microsoft.Resources/deployments/"
                + context.deploymentName());
        deployment.putObject("properties").put("mode", "Incremental");
        return deployment;
    }

    private static String trimTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
