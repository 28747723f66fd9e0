package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One template resource after evaluation.
 *
 * @param id full resource id as computed from the template (ARM keeps the template's casing)
 * @param type full resource type, such as {@code Microsoft.KeyVault/vaults/keys}
 * @param apiVersion API version the template deploys with
 * @param name full name with one segment per type level, such as {@code kv1/key1}
 * @param body PUT body: the evaluated {@code location}, {@code tags}, {@code sku}, {@code kind}, {@code identity},
 *     {@code properties} and the other body fields the template sets
 * @param scope full id of the resource an extension resource applies to, or {@code null} for other resources
 * @param dependsOnIds ids of the template resources this one waits for
 */
public record EvaluatedResource(
        String id,
        String type,
        String apiVersion,
        String name,
        ObjectNode body,
        String scope,
        List<String> dependsOnIds) {

    public EvaluatedResource {
        dependsOnIds = List.copyOf(dependsOnIds);
    }
}
