package io.cvmkeys.dsl.stack;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A check run on every stage before its files are written: ARM schema validation, the policy rule pack, the Bicep
 * CLI. A check that cannot run (a tool or folder missing) returns {@link CheckResult#notAvailable(String, String)}.
 */
public interface TemplateCheck {

    /** Short name shown in reports, for example {@code ARM schema validation}. */
    String name();

    /**
     * @param stage          the stage being synthesized
     * @param armTemplate    its ARM template as written
     * @param armParameters  its parameter file as written
     * @param bicep          its Bicep text as written
     */
    CheckResult check(Stage stage, JsonNode armTemplate, JsonNode armParameters, String bicep);
}
