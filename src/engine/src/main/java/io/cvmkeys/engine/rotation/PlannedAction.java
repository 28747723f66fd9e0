package io.cvmkeys.engine.rotation;

import java.util.List;

/**
 * Planned actions of a rotation on one resource.
 *
 * @param id      the ARM id
 * @param kind    {@code virtualMachine}, {@code sessionHost} or {@code disk}
 * @param current its state now
 * @param actions the actions in order, for example {@code [deallocate, restart]} or {@code [left deallocated]}
 */
public record PlannedAction(String id, String kind, String current, List<String> actions) {

    public PlannedAction {
        actions = List.copyOf(actions);
    }
}
