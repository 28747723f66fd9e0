package io.cvmkeys.modules.stack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.write.ParameterValue;
import io.cvmkeys.modules.env.Environment;

import java.util.TreeMap;

/** Conversions of environment values into parameter values. */
final class StackValues {

    private StackValues() {
    }

    static ParameterValue number(long value) {
        return ParameterValue.of(JsonNodeFactory.instance.numberNode(value));
    }

    /** Returns the tags sorted by name, so parameter files are written in the same order every time. */
    static ParameterValue tags(Environment environment) {
        ObjectNode tags = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(environment.tags()).forEach(tags::put);
        return ParameterValue.of(tags);
    }
}
