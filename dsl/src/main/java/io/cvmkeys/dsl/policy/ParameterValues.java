package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values supplied for template parameters at deployment time, for example from a parameters file.
 *
 * <p>A supplied value wins over the parameter's {@code defaultValue}. A parameter can also be supplied with a value
 * that is not statically known, such as a Key Vault secret reference in a parameters file or an expression passed to
 * a nested deployment. Such a parameter stays unresolved instead of falling back to its default.
 */
public final class ParameterValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ParameterValues EMPTY = new ParameterValues(Map.of(), Set.of());

    private final Map<String, JsonNode> values;
    private final Set<String> unknownNames;

    private ParameterValues(Map<String, JsonNode> values, Set<String> unknownNames) {
        this.values = Collections.unmodifiableMap(values);
        Set<String> lowerCase = new TreeSet<>();
        unknownNames.forEach(name -> lowerCase.add(name.toLowerCase(Locale.ROOT)));
        this.unknownNames = Collections.unmodifiableSet(lowerCase);
    }

    public static ParameterValues empty() {
        return EMPTY;
    }

    /** Creates values from plain Java objects (strings, numbers, booleans, maps, lists) or {@link JsonNode}s. */
    public static ParameterValues of(Map<String, ?> values) {
        Map<String, JsonNode> converted = new LinkedHashMap<>();
        values.forEach((name, value) -> converted.put(name, MAPPER.valueToTree(value)));
        return new ParameterValues(converted, Set.of());
    }

    /** Creates values where some parameters are supplied but their values are only known at deployment time. */
    public static ParameterValues of(Map<String, ?> values, Set<String> suppliedButUnknown) {
        return new ParameterValues(of(values).values, suppliedButUnknown);
    }

    /**
     * Reads a deployment parameters file: {@code {"parameters": {"name": {"value": ...}}}}. An entry with a
     * {@code reference} (Key Vault secret) instead of a {@code value} is supplied but not statically known.
     */
    public static ParameterValues fromParametersFile(JsonNode parametersFile) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        JsonNode parameters = parametersFile.path("parameters");
        parameters.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue().get("value");
            if (value != null) {
                values.put(entry.getKey(), value);
            } else {
                unknown.add(entry.getKey());
            }
        });
        return new ParameterValues(values, unknown);
    }

    /** Returns true when the parameter is supplied with a value that is only known at deployment time. */
    public boolean isSuppliedButUnknown(String name) {
        return unknownNames.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Returns the supplied value, matching the name case-insensitively as ARM does. */
    public Optional<JsonNode> get(String name) {
        JsonNode exact = values.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Map<String, JsonNode> asMap() {
        return values;
    }
}
