package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.deploy.DeploymentHandler;
import io.cvmkeys.emulator.resources.OperationHandler;
import io.cvmkeys.emulator.resources.ProviderResourceHandler;
import io.cvmkeys.emulator.resources.ResourceBehaviors;
import io.cvmkeys.emulator.resources.ResourceGroupHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps a request path and method to the handler and the ARM operation name, for example {@code VirtualMachines_Start}. */
public final class ArmRouter {
    private final EmulatorContext context;
    private final ResourceGroupHandler resourceGroups;
    private final ProviderResourceHandler resources;
    private final OperationHandler operations;
    private final DeploymentHandler deployments;

    public ArmRouter(EmulatorContext context) {
        ResourceBehaviors behaviors = new ResourceBehaviors();
        this.context = context;
        this.resourceGroups = new ResourceGroupHandler(context);
        this.resources = new ProviderResourceHandler(context, behaviors);
        this.operations = new OperationHandler(context);
        this.deployments = new DeploymentHandler(context, resources, behaviors);
    }

    public Route resolve(ArmRequest request) {
        List<String> segments = request.segments();
        if (segments.size() < 2 || !segments.get(0).equalsIgnoreCase("subscriptions")) {
            return notFound(request, null);
        }
        String subscriptionId = segments.get(1);
        if (segments.size() == 2 && request.method().equals("GET")) {
            return new Route("Subscriptions_Get", subscriptionId, () -> ArmResponse.ok(subscription(subscriptionId)));
        }

        int providers = ResourceId.lastProvidersIndex(segments);
        if (providers < 0) {
            return resolveResourceGroupPath(request, subscriptionId);
        }
        List<String> tail = segments.subList(providers + 1, segments.size());
        if (tail.size() < 2) {
            return notFound(request, subscriptionId);
        }
        String namespace = tail.get(0);
        List<String> rest = tail.subList(1, tail.size());

        if (rest.size() >= 2) {
            String kind = rest.get(rest.size() - 2);
            String operationId = rest.get(rest.size() - 1);
            if (kind.equalsIgnoreCase("operationStatuses") && request.method().equals("GET")) {
                return new Route("Operations_GetStatus", subscriptionId, () -> operations.status(request, operationId));
            }
            if (kind.equalsIgnoreCase("operationResults") && request.method().equals("GET")) {
                return new Route("Operations_GetResult", subscriptionId, () -> operations.result(request, operationId));
            }
        }
        if (namespace.equalsIgnoreCase("Microsoft.Resources") && rest.get(0).equalsIgnoreCase("deployments")) {
            Route route = resolveDeployment(request, subscriptionId, segments, rest);
            if (route != null) {
                return route;
            }
        }

        String plural = capitalize(rest.size() % 2 == 0 ? rest.get(rest.size() - 2) : rest.get(rest.size() - 1));
        if (rest.size() % 2 == 0) {
            ResourceId id = ResourceId.parse(segments);
            switch (request.method()) {
                case "GET":
                    return new Route(plural + "_Get", subscriptionId, () -> resources.get(request, id));
                case "HEAD":
                    return new Route(plural + "_CheckExistence", subscriptionId, () -> resources.head(request, id));
                case "PUT":
                    return new Route(plural + "_CreateOrUpdate", subscriptionId, () -> resources.put(request, id));
                case "PATCH":
                    return new Route(plural + "_Update", subscriptionId, () -> resources.patch(request, id));
                case "DELETE":
                    return new Route(plural + "_Delete", subscriptionId, () -> resources.delete(request, id));
                default:
                    return notFound(request, subscriptionId);
            }
        }

        if (request.method().equals("POST") && rest.size() >= 3) {
            String action = rest.get(rest.size() - 1);
            ResourceId id = ResourceId.parse(segments.subList(0, segments.size() - 1));
            String owner = capitalize(rest.get(rest.size() - 3));
            return new Route(owner + "_" + capitalize(action), subscriptionId, () -> resources.action(request, id, action));
        }
        if (request.method().equals("GET")) {
            String scope = "/" + String.join("/", segments.subList(0, providers));
            List<String> types = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                (i % 2 == 0 ? types : names).add(rest.get(i));
            }
            String operation = rest.size() == 1 && scope.toLowerCase(Locale.ROOT).contains("/resourcegroups/")
                ? plural + "_ListByResourceGroup" : plural + "_List";
            return new Route(operation, subscriptionId, () -> resources.list(request, scope, namespace, types, names));
        }
        return notFound(request, subscriptionId);
    }

    private Route resolveResourceGroupPath(ArmRequest request, String subscriptionId) {
        List<String> segments = request.segments();
        boolean groups = segments.size() >= 3 && segments.get(2).equalsIgnoreCase("resourceGroups");
        if (segments.size() == 3 && groups && request.method().equals("GET")) {
            return new Route("ResourceGroups_List", subscriptionId, () -> resourceGroups.list(request, subscriptionId));
        }
        if (segments.size() == 3 && segments.get(2).equalsIgnoreCase("resources") && request.method().equals("GET")) {
            String scope = "/subscriptions/" + subscriptionId;
            return new Route("Resources_List", subscriptionId, () -> resources.listResources(request, scope));
        }
        if (segments.size() == 4 && groups) {
            String name = segments.get(3);
            switch (request.method()) {
                case "GET":
                    return new Route("ResourceGroups_Get", subscriptionId, () -> resourceGroups.get(request, subscriptionId, name));
                case "HEAD":
                    return new Route("ResourceGroups_CheckExistence", subscriptionId, () -> resourceGroups.head(subscriptionId, name));
                case "PUT":
                    return new Route("ResourceGroups_CreateOrUpdate", subscriptionId, () -> resourceGroups.put(request, subscriptionId, name));
                case "PATCH":
                    return new Route("ResourceGroups_Update", subscriptionId, () -> resourceGroups.patch(request, subscriptionId, name));
                case "DELETE":
                    return new Route("ResourceGroups_Delete", subscriptionId, () -> resourceGroups.delete(request, subscriptionId, name));
                default:
                    return notFound(request, subscriptionId);
            }
        }
        if (segments.size() == 5 && groups && segments.get(4).equalsIgnoreCase("resources") && request.method().equals("GET")) {
            String scope = EmulatorContext.resourceGroupId(subscriptionId, segments.get(3));
            return new Route("Resources_ListByResourceGroup", subscriptionId, () -> {
                context.requireResourceGroup(subscriptionId, segments.get(3));
                return resources.listResources(request, scope);
            });
        }
        return notFound(request, subscriptionId);
    }

    /** Resolves deployment paths. Returns {@code null} for those the generic resource routes serve (GET, DELETE, list). */
    private Route resolveDeployment(ArmRequest request, String subscriptionId, List<String> segments, List<String> rest) {
        if (rest.size() == 2 && request.method().equals("PUT")) {
            ResourceId id = ResourceId.parse(segments);
            if (id.resourceGroup() == null) {
                return new Route("Deployments_CreateOrUpdateAtSubscriptionScope", subscriptionId, () -> {
                    throw ArmException.badRequest("InvalidDeploymentScope", "The emulator runs resource-group "
                        + "deployments only; PUT the deployment under /subscriptions/{id}/resourcegroups/{name}.");
                });
            }
            return new Route("Deployments_CreateOrUpdate", subscriptionId, () -> deployments.put(request, id));
        }
        if ((rest.size() == 3 || rest.size() == 4) && request.method().equals("GET")
            && rest.get(2).equalsIgnoreCase("operations")) {
            ResourceId id = ResourceId.parse(segments.subList(0, segments.size() - rest.size() + 2));
            String operationId = rest.size() == 4 ? rest.get(3) : null;
            return new Route(operationId == null ? "DeploymentOperations_List" : "DeploymentOperations_Get",
                subscriptionId, () -> deployments.operations(request, id, operationId));
        }
        if (rest.size() == 3 && request.method().equals("POST")) {
            ResourceId id = ResourceId.parse(segments.subList(0, segments.size() - 1));
            String action = rest.get(2);
            if (action.equalsIgnoreCase("whatIf")) {
                return new Route("Deployments_WhatIf", subscriptionId, () -> deployments.whatIf(request, id));
            }
            if (action.equalsIgnoreCase("validate")) {
                return new Route("Deployments_Validate", subscriptionId, () -> deployments.validate(request, id));
            }
            if (action.equalsIgnoreCase("cancel")) {
                return new Route("Deployments_Cancel", subscriptionId, () -> deployments.cancel(request, id));
            }
        }
        return null;
    }

    private ObjectNode subscription(String subscriptionId) {
        ObjectNode body = Json.object();
        body.put("id", "/subscriptions/" + subscriptionId);
        body.put("subscriptionId", subscriptionId);
        body.put("tenantId", context.tenantId());
        body.put("displayName", "Emulated subscription " + subscriptionId);
        body.put("state", "Enabled");
        return body;
    }

    private static Route notFound(ArmRequest request, String subscriptionId) {
        return new Route("Unknown", subscriptionId, () -> {
            throw new ArmException(404, "NotFound", "The emulator has no route for " + request.method() + " "
                + request.path() + ".");
        });
    }

    private static String capitalize(String value) {
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
