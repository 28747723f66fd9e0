package io.cvmkeys.engine.rotation;

import java.io.PrintWriter;

/** Receives the progress events of a rotation. */
@FunctionalInterface
public interface RotationListener {

    void onEvent(RotationEvent event);

    /** Called after a step is recorded in the journal; tests use it to stop the process at that point. */
    default void onStepRecorded(RotationStep step) {
    }

    /** Writes each event as a text line. */
    static RotationListener text(PrintWriter out) {
        return event -> {
            out.println(event.toText());
            out.flush();
        };
    }

    /** Writes each event as one JSON object per line. */
    static RotationListener jsonLines(PrintWriter out) {
        return event -> {
            out.println(event.toJson());
            out.flush();
        };
    }
}
