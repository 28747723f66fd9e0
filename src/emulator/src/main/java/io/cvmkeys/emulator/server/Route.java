package io.cvmkeys.emulator.server;

import java.util.function.Supplier;

/**
 * A resolved request: the ARM operation name (for fault matching and logs), the subscription it counts against for
 * throttling ({@code null} for none), and the handler to run.
 */
public record Route(String operationName, String subscriptionId, Supplier<ArmResponse> handler) {
}
