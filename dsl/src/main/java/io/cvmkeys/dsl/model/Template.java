package io.cvmkeys.dsl.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One deployable template: parameters, variables, resources and outputs, in the order they were added. A stack is
 * made of several templates deployed in order (stages).
 */
public final class Template {

    private final String name;
    private String description;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final List<Resource> resources = new ArrayList<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Map<String, Object> symbols = new LinkedHashMap<>();

    private Template(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Starts an empty template; {@code name} is the stage name and the base of the generated file names. */
    public static Template named(String name) {
        return new Template(name);
    }

    public Template withDescription(String description) {
        this.description = description;
        return this;
    }

    public Parameter parameter(Parameter parameter) {
        claim(parameter.name(), parameter);
        parameters.put(parameter.name(), parameter);
        return parameter;
    }

    public Variable variable(Variable variable) {
        claim(variable.name(), variable);
        variables.put(variable.name(), variable);
        return variable;
    }

    /** Builds the resource (checking its rules) and adds it. */
    public <R extends Resource> R add(ResourceBuilder<R, ?> builder) {
        return add(builder.build());
    }

    public <R extends Resource> R add(R resource) {
        claim(resource.symbolicName(), resource);
        for (Resource referenced : referencedDeclarations(resource)) {
            if (!resources.contains(referenced)) {
                throw new InvalidModelException(List.of(new ModelProblem(resource.label(), "parent/scope",
                        "it refers to " + referenced.label() + ", which is not in template '" + name + "'",
                        "add " + referenced.label() + " to the template first, or declare it existing()")));
            }
        }
        resources.add(resource);
        return resource;
    }

    public Output output(Output output) {
        if (outputs.containsKey(output.name())) {
            throw duplicate(output.name(), "output");
        }
        outputs.put(output.name(), output);
        return output;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public Map<String, Variable> variables() {
        return Collections.unmodifiableMap(variables);
    }

    public List<Resource> resources() {
        return Collections.unmodifiableList(resources);
    }

    public Map<String, Output> outputs() {
        return Collections.unmodifiableMap(outputs);
    }

    /** Returns the resources of a type, in template order. */
    public List<Resource> resourcesOfType(String type) {
        return resources.stream().filter(r -> r.type().equalsIgnoreCase(type)).toList();
    }

    private static List<Resource> referencedDeclarations(Resource resource) {
        List<Resource> referenced = new ArrayList<>();
        if (resource.parent() != null) {
            referenced.add(resource.parent());
        }
        if (resource.scope() != null) {
            referenced.add(resource.scope());
        }
        return referenced;
    }

    private void claim(String symbol, Object owner) {
        Object previous = symbols.putIfAbsent(symbol, owner);
        if (previous != null && previous != owner) {
            throw duplicate(symbol, "symbol");
        }
    }

    private InvalidModelException duplicate(String symbol, String kind) {
        return new InvalidModelException(List.of(new ModelProblem("template '" + name + "'", kind,
                "'" + symbol + "' is declared twice",
                "give each parameter, variable, resource and output its own name")));
    }
}
