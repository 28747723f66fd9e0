package io.cvmkeys.dsl.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.model.Suppression;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.model.Variable;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link Template} as a classic ARM deployment template (schema 2019-04-01, resources as an array).
 * Output depends only on the model, so re-running gives byte-identical files. {@code dependsOn} is inferred from
 * the references between resources.
 */
public final class ArmTemplateWriter {

    public static final String SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Returns the template as text, pretty-printed with a final newline. */
    public String write(Template template) {
        return Json.pretty(toJson(template));
    }

    public ObjectNode toJson(Template template) {
        ObjectNode json = NODES.objectNode();
        json.put("$schema", SCHEMA);
        json.put("contentVersion", "1.0.0.0");
        json.set("metadata", metadata(template));

        ObjectNode parameters = json.putObject("parameters");
        template.parameters().values().forEach(parameter -> parameters.set(parameter.name(), parameter(parameter)));

        if (!template.variables().isEmpty()) {
            ObjectNode variables = json.putObject("variables");
            for (Variable variable : template.variables().values()) {
                variables.set(variable.name(), variable.value().toArmJson());
            }
        }

        ArrayNode resources = json.putArray("resources");
        template.resources().stream()
                .filter(resource -> !resource.isExisting())
                .forEach(resource -> resources.add(resource(resource, template)));

        if (!template.outputs().isEmpty()) {
            ObjectNode outputs = json.putObject("outputs");
            template.outputs().values().forEach(output -> outputs.set(output.name(), output(output)));
        }
        return json;
    }

    private static ObjectNode metadata(Template template) {
        ObjectNode metadata = NODES.objectNode();
        ObjectNode generator = metadata.putObject("_generator");
        generator.put("name", Generator.NAME);
        generator.put("version", Generator.VERSION);

        ObjectNode cvmkeys = metadata.putObject("cvmkeys");
        cvmkeys.put("stage", template.name());
        if (template.description() != null) {
            cvmkeys.put("description", template.description());
        }
        ArrayNode suppressions = NODES.arrayNode();
        for (Resource resource : template.resources()) {
            for (Suppression suppression : resource.suppressions()) {
                ObjectNode entry = suppressions.addObject();
                entry.put("ruleId", suppression.ruleId());
                entry.put("resourceType", resource.type());
                entry.set("resourceName", resource.armName().toArmJson());
                entry.put("reason", suppression.reason());
            }
        }
        if (!suppressions.isEmpty()) {
            cvmkeys.set("suppressions", suppressions);
        }
        return metadata;
    }

    private static ObjectNode parameter(Parameter parameter) {
        ObjectNode json = NODES.objectNode();
        json.put("type", parameter.type().armName(parameter.isSecure()));
        if (parameter.defaultValue() != null) {
            json.set("defaultValue", parameter.defaultValue().toArmJson());
        }
        if (!parameter.allowedValues().isEmpty()) {
            ArrayNode allowed = json.putArray("allowedValues");
            parameter.allowedValues().forEach(value -> allowed.add(value.toArmJson()));
        }
        putIfSet(json, "minLength", parameter.minLength());
        putIfSet(json, "maxLength", parameter.maxLength());
        putIfSet(json, "minValue", parameter.minValue());
        putIfSet(json, "maxValue", parameter.maxValue());
        if (parameter.description() != null) {
            json.putObject("metadata").put("description", parameter.description());
        }
        return json;
    }

    private static void putIfSet(ObjectNode json, String field, Number value) {
        if (value != null) {
            json.put(field, value.longValue());
        }
    }

    private static ObjectNode resource(Resource resource, Template template) {
        ObjectNode json = NODES.objectNode();
        if (resource.description() != null) {
            json.put("comments", resource.description());
        }
        if (resource.condition() != null) {
            json.set("condition", resource.condition().toArmJson());
        }
        json.put("type", resource.type());
        json.put("apiVersion", resource.apiVersion());
        if (resource.scope() != null) {
            json.set("scope", resource.scope().armRelativeId().toArmJson());
        }
        json.set("name", resource.armName().toArmJson());
        if (resource.location() != null) {
            json.set("location", resource.location().toArmJson());
        }
        if (resource.tags() != null) {
            json.set("tags", resource.tags().toArmJson());
        }
        for (Map.Entry<String, Expr> field : resource.topLevel().entrySet()) {
            json.set(field.getKey(), field.getValue().toArmJson());
        }
        if (!resource.properties().isEmpty()) {
            json.set("properties", resource.properties().toArmJson());
        }

        Set<Resource> dependencies = dependencies(resource, template);
        if (!dependencies.isEmpty()) {
            ArrayNode dependsOn = json.putArray("dependsOn");
            dependencies.forEach(dependency -> dependsOn.add(dependency.id().toArmJson()));
        }
        return json;
    }

    /** Returns the deployed resources this one references, explicitly or through expressions, in template order. */
    public static Set<Resource> dependencies(Resource resource, Template template) {
        Set<Resource> referenced = new LinkedHashSet<>();
        if (resource.parent() != null) {
            referenced.add(resource.parent());
        }
        if (resource.scope() != null) {
            referenced.add(resource.scope());
        }
        referenced.addAll(resource.explicitDependsOn());
        resource.name().collectReferences(referenced);
        if (resource.location() != null) {
            resource.location().collectReferences(referenced);
        }
        if (resource.tags() != null) {
            resource.tags().collectReferences(referenced);
        }
        if (resource.condition() != null) {
            resource.condition().collectReferences(referenced);
        }
        resource.topLevel().values().forEach(value -> value.collectReferences(referenced));
        resource.properties().collectReferences(referenced);

        Set<Resource> ordered = new LinkedHashSet<>();
        for (Resource candidate : template.resources()) {
            if (candidate != resource && !candidate.isExisting() && referenced.contains(candidate)) {
                ordered.add(candidate);
            }
        }
        return ordered;
    }

    private static ObjectNode output(Output output) {
        ObjectNode json = NODES.objectNode();
        json.put("type", output.type().armName(false));
        json.set("value", output.value().toArmJson());
        if (output.description() != null) {
            json.putObject("metadata").put("description", output.description());
        }
        return json;
    }
}
