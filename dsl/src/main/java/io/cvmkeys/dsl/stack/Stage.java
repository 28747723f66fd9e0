package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.write.ParameterValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deployment of a stack: a template, the resource group it goes to, its parameter values, and the parameters
 * wired from earlier stages' outputs.
 */
public record Stage(Template template, String resourceGroup, Map<String, ParameterValue> parameterValues,
                    List<StageInput> inputs) {

    public Stage {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        parameterValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameterValues));
        inputs = List.copyOf(inputs);
    }

    /** The stage name, which is also its template's name. */
    public String name() {
        return template.name();
    }
}
