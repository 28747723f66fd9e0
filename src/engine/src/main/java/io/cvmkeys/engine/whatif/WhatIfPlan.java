package io.cvmkeys.engine.whatif;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What-If of every stage of a stack, in deployment order. */
public record WhatIfPlan(String stack, String environment, List<StageWhatIf> stages) {

    public WhatIfPlan {
        stages = List.copyOf(stages);
    }

    /** Resources per effective change type, over all stages, in {@link ChangeType} order. */
    public Map<ChangeType, Integer> counts() {
        Map<ChangeType, Integer> counts = new EnumMap<>(ChangeType.class);
        for (StageWhatIf stage : stages) {
            for (ResourceChange change : stage.changes()) {
                counts.merge(change.effectiveChangeType(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Number of resources a deployment would really write, over all stages. */
    public long realChangeCount() {
        return stages.stream().mapToLong(StageWhatIf::realChangeCount).sum();
    }

    /** {@code Resource changes: 3 to create, 1 to modify, 2 no change.}, as the az CLI closes its What-If output. */
    public String summaryLine() {
        Map<ChangeType, Integer> counts = counts();
        if (counts.isEmpty()) {
            return "Resource changes: none.";
        }
        List<String> parts = counts.entrySet().stream()
                .map(entry -> entry.getValue() + " " + entry.getKey().summaryLabel())
                .toList();
        return "Resource changes: " + String.join(", ", parts) + ".";
    }
}
