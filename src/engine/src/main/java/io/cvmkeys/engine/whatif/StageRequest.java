package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.stack.Stage;

import java.util.List;

/**
 * A stage ready to send to ARM: its template, its deployment {@code parameters} object, and the wired parameters
 * whose value is not known yet.
 */
public record StageRequest(Stage stage, String deploymentName, ObjectNode template, ObjectNode parameters,
                           List<UnknownInput> unknownInputs) {

    public StageRequest {
        unknownInputs = List.copyOf(unknownInputs);
    }
}
