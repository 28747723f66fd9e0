package io.cvmkeys.emulator.arm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders resources so each comes after everything in its {@code dependsOn}. Among resources that are ready at the
 * same time the template order wins, so the result is deterministic.
 */
final class DependencyOrder {

    private DependencyOrder() {
    }

    static List<PlannedResource> sort(List<PlannedResource> resources) {
        Map<String, Integer> indexById = new HashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            indexById.put(key(resources.get(i).id()), i);
        }

        int[] waitingFor = new int[resources.size()];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < resources.size(); i++) {
            for (String dependency : resources.get(i).dependsOnIds()) {
                int dependencyIndex = indexById.get(key(dependency));
                dependents.get(dependencyIndex).add(i);
                waitingFor[i]++;
            }
        }

        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < resources.size(); i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        List<PlannedResource> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(resources.get(next));
            for (int dependent : dependents.get(next)) {
                if (--waitingFor[dependent] == 0) {
                    ready.add(dependent);
                }
            }
        }

        if (ordered.size() != resources.size()) {
            throw circularDependency(resources, indexById, waitingFor);
        }
        return ordered;
    }

    private static ArmExpressionException circularDependency(
            List<PlannedResource> resources, Map<String, Integer> indexById, int[] waitingFor) {
        // Every resource still waiting depends on another one still waiting, so walking dependencies finds a cycle.
        int start = 0;
        while (waitingFor[start] == 0) {
            start++;
        }
        List<Integer> path = new ArrayList<>();
        int current = start;
        while (!path.contains(current)) {
            path.add(current);
            for (String dependency : resources.get(current).dependsOnIds()) {
                int dependencyIndex = indexById.get(key(dependency));
                if (waitingFor[dependencyIndex] > 0) {
                    current = dependencyIndex;
                    break;
                }
            }
        }

        List<String> cycle = new ArrayList<>();
        for (int i = path.indexOf(current); i < path.size(); i++) {
            cycle.add(resources.get(path.get(i)).id());
        }
        cycle.add(resources.get(current).id());
        return ArmExpressionException.invalidTemplate("Circular dependency detected on resource '"
                + resources.get(current).id() + "': " + String.join(" -> ", cycle)
                + ". Remove one of the dependsOn entries in this cycle.");
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
