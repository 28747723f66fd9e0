package io.cvmkeys.engine.whatif;

import java.util.List;

/**
 * What-If result of one stage.
 *
 * @param unknownInputs wired parameters whose value is unknown because their stage is not deployed yet
 */
public record StageWhatIf(String stage, String resourceGroup, String deploymentName, List<ResourceChange> changes,
                          List<UnknownInput> unknownInputs) {

    public StageWhatIf {
        changes = List.copyOf(changes);
        unknownInputs = List.copyOf(unknownInputs);
    }

    /** Number of resources the stage's deployment would really write. */
    public long realChangeCount() {
        return changes.stream().filter(ResourceChange::isRealChange).count();
    }

    public boolean hasRealChanges() {
        return realChangeCount() > 0;
    }
}
