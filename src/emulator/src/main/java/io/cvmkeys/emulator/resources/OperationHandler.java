package io.cvmkeys.emulator.resources;

import io.cvmkeys.emulator.server.ArmException;
import io.cvmkeys.emulator.server.ArmRequest;
import io.cvmkeys.emulator.server.ArmResponse;
import io.cvmkeys.emulator.server.EmulatorContext;
import io.cvmkeys.emulator.server.Operation;

/**
 * The two polling endpoints of long-running operations: {@code operationStatuses/{id}} (the Azure-AsyncOperation
 * URL, always 200 with {@code status}) and {@code operationResults/{id}} (the Location URL: 202 while running, then
 * the result with 200, or 204 when there is none, or the operation's error).
 */
public final class OperationHandler {
    private final EmulatorContext context;

    public OperationHandler(EmulatorContext context) {
        this.context = context;
    }

    public ArmResponse status(ArmRequest request, String operationId) {
        Operation operation = require(operationId);
        ArmResponse response = ArmResponse.ok(operation.toStatusBody(context.operations().statusPath(operation)));
        if (operation.status() == Operation.Status.InProgress) {
            response.header("Retry-After", context.operations().retryAfterSeconds());
        }
        return response;
    }

    public ArmResponse result(ArmRequest request, String operationId) {
        Operation operation = require(operationId);
        switch (operation.status()) {
            case InProgress:
                return ArmResponse.accepted()
                    .header("Location", context.operations().url(context.operations().resultPath(operation),
                        request.apiVersion()))
                    .header("Retry-After", context.operations().retryAfterSeconds());
            case Succeeded:
                return operation.result() == null ? ArmResponse.ok(null) : ArmResponse.ok(operation.result());
            default:
                ArmException error = operation.error();
                return new ArmResponse(error.status(), error.toEnvelope());
        }
    }

    private Operation require(String operationId) {
        return context.operations().get(operationId).orElseThrow(() -> new ArmException(404, "NotFound",
            "Operation '" + operationId + "' was not found. Operations live in memory and end with the emulator "
                + "that started them."));
    }
}
