package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;

/**
 * One progress event.
 *
 * @param type               {@code step-started}, {@code progress}, {@code step-done}, {@code rollback}, {@code warning}
 *                           or {@code finished}
 * @param step               the step, or null for events of the whole rotation
 * @param message            what happened, in a sentence
 * @param done               resources of the step that are done
 * @param total              resources of the step
 * @param elapsed            time since the rotation started
 * @param estimatedRemaining estimate of the time left, from configured and observed durations
 */
public record RotationEvent(String type, RotationStep step, String message, int done, int total, Duration elapsed,
                            Duration estimatedRemaining) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Returns the event as one line of JSON. */
    public String toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("type", type);
        if (step != null) {
            json.put("step", step.name());
        }
        json.put("message", message);
        json.put("done", done);
        json.put("total", total);
        json.put("elapsedSeconds", elapsed.toSeconds());
        json.put("estimatedRemainingSeconds", estimatedRemaining.toSeconds());
        return json.toString();
    }

    /** Returns the event as one line of text, for example {@code [DEALLOCATE 3/5] ... (elapsed 1m 20s, about 40s left)}. */
    public String toText() {
        String counts = total > 0 ? " " + done + "/" + total : "";
        String where = step == null ? "" : "[" + step.name() + counts + "] ";
        return where + message + " (elapsed " + format(elapsed) + ", about " + format(estimatedRemaining) + " left)";
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return seconds >= 60 ? seconds / 60 + "m " + seconds % 60 + "s" : seconds + "s";
    }
}
