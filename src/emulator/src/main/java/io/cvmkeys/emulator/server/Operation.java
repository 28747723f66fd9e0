package io.cvmkeys.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One long-running operation: it is {@code InProgress} until the clock reaches its due time, then it runs its
 * completion once and ends {@code Succeeded}, {@code Failed} or {@code Canceled}.
 */
public final class Operation {
    /** The status values of ARM's Azure-AsyncOperation protocol. */
    public enum Status { InProgress, Succeeded, Failed, Canceled }

    /** The work that runs when the operation is due. It returns the result body (or {@code null}) or throws. */
    @FunctionalInterface
    public interface Completion {
        JsonNode complete();
    }

    /** The cleanup that runs instead of the completion when the operation fails or is canceled. */
    @FunctionalInterface
    public interface FailureHandler {
        void failed(ArmException error);
    }

    private final String id;
    private final String subscriptionId;
    private final String namespace;
    private final String location;
    private final Instant startTime;
    private final Instant dueTime;
    private final Completion completion;
    private final FailureHandler failureHandler;
    private final ArmException injectedFailure;
    private Status status = Status.InProgress;
    private Instant endTime;
    private ArmException error;
    private JsonNode result;

    Operation(String id, String subscriptionId, String namespace, String location, Instant startTime, Instant dueTime,
              Completion completion, FailureHandler failureHandler, ArmException injectedFailure) {
        this.id = id;
        this.subscriptionId = subscriptionId;
        this.namespace = namespace;
        this.location = location;
        this.startTime = startTime;
        this.dueTime = dueTime;
        this.completion = completion;
        this.failureHandler = failureHandler;
        this.injectedFailure = injectedFailure;
    }

    /** Runs the completion (or the injected failure) and records the terminal status. */
    void finish(Instant now) {
        endTime = now;
        if (injectedFailure != null) {
            fail(injectedFailure);
            return;
        }
        try {
            result = completion.complete();
            status = Status.Succeeded;
        } catch (ArmException e) {
            fail(e);
        }
    }

    void cancel(Instant now, ArmException reason) {
        endTime = now;
        status = Status.Canceled;
        error = reason;
        failureHandler.failed(reason);
    }

    private void fail(ArmException e) {
        status = Status.Failed;
        error = e;
        failureHandler.failed(e);
    }

    public String id() {
        return id;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String namespace() {
        return namespace;
    }

    public String location() {
        return location;
    }

    public Instant dueTime() {
        return dueTime;
    }

    public Status status() {
        return status;
    }

    public ArmException error() {
        return error;
    }

    public JsonNode result() {
        return result;
    }

    /** Returns the Azure-AsyncOperation status body: id, name, status, times and, when it failed, the error. */
    public ObjectNode toStatusBody(String statusPath) {
        ObjectNode body = Json.object();
        body.put("id", statusPath);
        body.put("name", id);
        body.put("status", status.name());
        body.put("startTime", startTime.toString());
        if (endTime != null) {
            body.put("endTime", endTime.toString());
        }
        if (error != null) {
            body.set("error", error.toErrorObject());
        }
        return body;
    }
}
