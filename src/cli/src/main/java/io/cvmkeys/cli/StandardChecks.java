package io.cvmkeys.cli;

import io.cvmkeys.dsl.stack.TemplateCheck;

import java.nio.file.Path;
import java.util.List;

/** The checks run on every synthesized stage. */
final class StandardChecks {

    private StandardChecks() {
    }

    static List<TemplateCheck> create(Path armSchemas) {
        // TODO: add ARM schema validation, the policy rule pack and the Bicep CLI once they are in the dsl module.
        return List.of();
    }
}
