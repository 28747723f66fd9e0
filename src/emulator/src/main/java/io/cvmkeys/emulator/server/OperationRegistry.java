package io.cvmkeys.emulator.server;

import io.cvmkeys.emulator.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The long-running operations of one emulator. Operations finish lazily: every request first settles the
 * operations whose due time has passed, in due-time order, so state always matches the clock.
 *
 * <p>Operations live in memory only. A restarted emulator does not know the operations that were still running.
 */
public final class OperationRegistry {
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration retryAfter;
    private final String endpoint;

    public OperationRegistry(Clock clock, Duration retryAfter, String endpoint) {
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.endpoint = endpoint;
    }

    /**
     * Starts an operation that completes after {@code duration} of clock time. A {@link Fault.Kind#FAIL_OPERATION}
     * fault on the request makes it end {@code Failed} with the fault's error instead of running the completion.
     */
    public Operation start(ArmRequest request, String subscriptionId, String namespace, String location,
                           Duration duration, Operation.Completion completion, Operation.FailureHandler onFailure) {
        Fault fault = request.injectedOperationFailure();
        ArmException injected = fault == null ? null : new ArmException(fault.status(), fault.code(), fault.message());
        Instant now = clock.instant();
        Operation operation = new Operation(UUID.randomUUID().toString(), subscriptionId, namespace,
            location == null || location.isBlank() ? "global" : location.replace(" ", "").toLowerCase(),
            now, now.plus(duration), completion, onFailure, injected);
        operations.put(operation.id(), operation);
        return operation;
    }

    /** Finishes every operation whose due time has passed and returns how many finished. */
    public int settle() {
        Instant now = clock.instant();
        List<Operation> due = new ArrayList<>();
        for (Operation operation : operations.values()) {
            if (operation.status() == Operation.Status.InProgress && !operation.dueTime().isAfter(now)) {
                due.add(operation);
            }
        }
        due.sort(Comparator.comparing(Operation::dueTime));
        for (Operation operation : due) {
            operation.finish(now);
        }
        return due.size();
    }

    public Optional<Operation> get(String id) {
        return Optional.ofNullable(operations.get(id));
    }

    /** Cancels an operation that is still running. */
    public void cancel(Operation operation, ArmException reason) {
        if (operation.status() == Operation.Status.InProgress) {
            operation.cancel(clock.instant(), reason);
        }
    }

    /** Returns the path of the Azure-AsyncOperation status resource. */
    public String statusPath(Operation operation) {
        return "/subscriptions/" + operation.subscriptionId() + "/providers/" + operation.namespace() + "/locations/"
            + operation.location() + "/operationStatuses/" + operation.id();
    }

    /** Returns the path of the Location (operation result) resource. */
    public String resultPath(Operation operation) {
        return "/subscriptions/" + operation.subscriptionId() + "/providers/" + operation.namespace() + "/locations/"
            + operation.location() + "/operationResults/" + operation.id();
    }

    /** Returns the headers of an accepted long-running request: both polling URLs and {@code Retry-After}. */
    public Map<String, String> pollingHeaders(Operation operation, String apiVersion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Azure-AsyncOperation", url(statusPath(operation), apiVersion));
        headers.put("Location", url(resultPath(operation), apiVersion));
        headers.put("Retry-After", retryAfterSeconds());
        return headers;
    }

    /** Returns the {@code Retry-After} seconds that running operations advertise. */
    public String retryAfterSeconds() {
        return Long.toString(retryAfter.toSeconds());
    }

    public String url(String path, String apiVersion) {
        return endpoint + path.substring(1) + (apiVersion == null ? "" : "?api-version=" + apiVersion);
    }
}
