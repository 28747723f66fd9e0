package io.cvmkeys.dsl.stack;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Resource;
import io.cvmkeys.dsl.write.ArmTemplateWriter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Mermaid flowchart of the stack: one subgraph per stage, one node per resource, edges for parent, scope and
 * references, and dashed edges for outputs wired into later stages.
 */
final class MermaidDiagram {

    String render(Stack stack) {
        List<String> lines = new ArrayList<>();
        lines.add("flowchart LR");
        for (Stage stage : stack.stages()) {
            lines.add("  subgraph " + stage.name() + "[\"" + stage.name() + " stage: " + stage.resourceGroup() + "\"]");
            for (Resource resource : stage.template().resources()) {
                String shortType = resource.type().substring(resource.type().lastIndexOf('/') + 1);
                String existing = resource.isExisting() ? " (existing)" : "";
                lines.add("    " + node(stage, resource) + "[\"" + resource.symbolicName() + "<br/>" + shortType + existing
                        + "<br/>" + escape(DisplayValues.of(resource.name(), stage)) + "\"]");
            }
            lines.add("  end");
        }
        for (Stage stage : stack.stages()) {
            addResourceEdges(stage, lines);
        }
        for (Stage stage : stack.stages()) {
            for (StageInput input : stage.inputs()) {
                Output output = stack.stage(input.fromStage()).template().outputs().get(input.output());
                for (Resource producer : referenced(output.value())) {
                    lines.add("  " + node(stack.stage(input.fromStage()), producer) + " -. " + input.output() + " .-> " + stage.name());
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static void addResourceEdges(Stage stage, List<String> lines) {
        for (Resource resource : stage.template().resources()) {
            Set<Resource> targets = new LinkedHashSet<>();
            if (!resource.isExisting()) {
                targets.addAll(ArmTemplateWriter.dependencies(resource, stage.template()));
            }
            stage.template().resources().stream().filter(Resource::isExisting)
                    .filter(existing -> references(resource, existing)).forEach(targets::add);
            for (Resource target : targets) {
                lines.add("  " + node(stage, resource) + " --> |" + relation(resource, target) + "| " + node(stage, target));
            }
        }
    }

    private static boolean references(Resource resource, Resource target) {
        Set<Resource> found = new LinkedHashSet<>();
        resource.properties().collectReferences(found);
        resource.topLevel().values().forEach(value -> value.collectReferences(found));
        return found.contains(target);
    }

    private static String relation(Resource resource, Resource target) {
        if (target.equals(resource.parent())) {
            return "child of";
        }
        if (target.equals(resource.scope())) {
            return "applies to";
        }
        return "uses";
    }

    private static Set<Resource> referenced(Expr value) {
        Set<Resource> resources = new LinkedHashSet<>();
        value.collectReferences(resources);
        return resources;
    }

    private static String node(Stage stage, Resource resource) {
        return stage.name() + "_" + resource.symbolicName();
    }

    private static String escape(String text) {
        return text.replace("\"", "#quot;");
    }
}
