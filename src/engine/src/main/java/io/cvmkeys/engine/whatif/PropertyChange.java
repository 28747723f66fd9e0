package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a What-If {@code delta}: a property path such as {@code properties.activeKey.keyUrl}, how it changes,
 * and the values before and after. An {@code Array} entry lists the changed elements in {@code children}, whose paths
 * are element indexes.
 *
 * @param before value now, or null when the property is created
 * @param after  value after the deployment, or null when the property is deleted
 */
public record PropertyChange(String path, PropertyChangeType type, JsonNode before, JsonNode after,
                             List<PropertyChange> children) {

    public PropertyChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** Returns whether this delta or one of its children concerns {@code propertyName} as its last path segment. */
    public boolean touches(String propertyName) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.equals(propertyName) || path.startsWith(propertyName + ".") || path.contains("." + propertyName + ".")
                || children.stream().anyMatch(child -> child.touches(propertyName));
    }
}
