package io.cvmkeys.emulator.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One resource instance the deployment will PUT, with everything known before its body is evaluated.
 *
 * @param definition the resource's object in the template's {@code resources} array
 * @param copyLoopName name of the resource-level copy loop that made this instance, or {@code null}
 * @param copyIndex iteration of that loop, 0 without a loop
 */
record PlannedResource(
        int templateIndex,
        JsonNode definition,
        String copyLoopName,
        int copyIndex,
        String id,
        String type,
        String apiVersion,
        String name,
        String scope,
        List<String> dependsOnIds) {

    PlannedResource {
        dependsOnIds = List.copyOf(dependsOnIds);
    }

    PlannedResource withDependsOn(List<String> ids) {
        return new PlannedResource(
                templateIndex, definition, copyLoopName, copyIndex, id, type, apiVersion, name, scope, ids);
    }

    /** Returns {@code evaluator} positioned on this instance's copy-loop iteration, if any. */
    ExpressionEvaluator bind(ExpressionEvaluator evaluator) {
        return copyLoopName == null ? evaluator : evaluator.withCopyIndex(copyLoopName, copyIndex);
    }
}
