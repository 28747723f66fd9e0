package io.cvmkeys.engine.whatif;

import io.cvmkeys.dsl.stack.StageInput;

import java.util.List;

/**
 * What-If result of one stage.
 *
 * @param unknownInputs  wired parameters whose value is unknown because their stage is not deployed yet
 * @param pendingInputs  wired parameters whose stage has changes: What-If used the value of its last deployment,
 *                       which may change when it is deployed, so the deployment checks this stage again then
 */
public record StageWhatIf(String stage, String resourceGroup, String deploymentName, List<ResourceChange> changes,
                          List<UnknownInput> unknownInputs, List<StageInput> pendingInputs) {

    public StageWhatIf {
        changes = List.copyOf(changes);
        unknownInputs = List.copyOf(unknownInputs);
        pendingInputs = List.copyOf(pendingInputs);
    }

    /** Creates a result with no pending inputs. */
    public StageWhatIf(String stage, String resourceGroup, String deploymentName, List<ResourceChange> changes,
            List<UnknownInput> unknownInputs) {
        this(stage, resourceGroup, deploymentName, changes, unknownInputs, List.of());
    }

    /** Returns this result with {@code inputs} as its pending inputs. */
    public StageWhatIf withPendingInputs(List<StageInput> inputs) {
        return new StageWhatIf(stage, resourceGroup, deploymentName, changes, unknownInputs, inputs);
    }

    /** Number of resources the stage's deployment would really write. */
    public long realChangeCount() {
        return changes.stream().filter(ResourceChange::isRealChange).count();
    }

    public boolean hasRealChanges() {
        return realChangeCount() > 0;
    }
}
