package io.cvmkeys.engine.whatif;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link WhatIfPlan} as text in the style of {@code az deployment group what-if}: a legend of the symbols
 * used, per stage the resources grouped by scope with their property deltas indented, the noise listed apart, and a
 * closing summary line. Colours are ANSI escape codes, off for files and pipelines.
 */
public final class WhatIfText {

    private static final String RESET = "\u001B[0m";

    private final boolean colour;

    /** @param colour whether to write ANSI colours; pass false unless the output is a terminal */
    public WhatIfText(boolean colour) {
        this.colour = colour;
    }

    /** Returns whether ANSI colours suit standard output: a console is attached and {@code NO_COLOR} is not set. */
    public static boolean colourSupported() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    public String render(WhatIfPlan plan) {
        StringBuilder text = new StringBuilder();
        legend(plan, text);
        for (StageWhatIf stage : plan.stages()) {
            stage(stage, text);
        }
        text.append(plan.summaryLine()).append('\n');
        return text.toString();
    }

    private void legend(WhatIfPlan plan, StringBuilder text) {
        Set<ChangeType> used = EnumSet.noneOf(ChangeType.class);
        plan.stages().forEach(stage -> stage.changes().forEach(change -> used.add(change.effectiveChangeType())));
        text.append("Resource and property changes are indicated with these symbols:\n");
        for (ChangeType type : used) {
            text.append("  ").append(paint(type, type.symbol())).append(' ').append(type.armName()).append('\n');
        }
        text.append('\n');
    }

    private void stage(StageWhatIf stage, StringBuilder text) {
        text.append("Stage ").append(stage.stage()).append(": deployment ").append(stage.deploymentName())
                .append(" to resource group ").append(stage.resourceGroup()).append('\n').append('\n');

        for (Map.Entry<String, List<ResourceChange>> scope : byScope(stage.changes()).entrySet()) {
            text.append("  Scope: ").append(scope.getKey()).append('\n').append('\n');
            for (ResourceChange change : scope.getValue()) {
                resource(change, text);
            }
        }
        if (stage.changes().isEmpty()) {
            text.append("  No resources.\n\n");
        }

        for (UnknownInput input : stage.unknownInputs()) {
            text.append("  Unknown until stage ").append(input.fromStage()).append(" is deployed: parameter ")
                    .append(input.parameter()).append(" (its output ").append(input.output()).append(")")
                    .append(input.placeholder() == null ? "" : "; What-If ran with the placeholder \"" + input.placeholder() + "\"")
                    .append(".\n");
        }
        for (io.cvmkeys.dsl.stack.StageInput input : stage.pendingInputs()) {
            text.append("  May change when stage ").append(input.fromStage()).append(" is deployed: parameter ")
                    .append(input.parameter()).append(" (its output ").append(input.output())
                    .append("); the deployment runs What-If and the gates of this stage again before writing it.\n");
        }
        if (!stage.unknownInputs().isEmpty() || !stage.pendingInputs().isEmpty()) {
            text.append('\n');
        }

        List<String> noiseLines = noiseLines(stage);
        if (!noiseLines.isEmpty()) {
            text.append("  Not counted as changes:\n");
            noiseLines.forEach(line -> text.append("    ").append(line).append('\n'));
            text.append('\n');
        }
    }

    private void resource(ResourceChange change, StringBuilder text) {
        ChangeType type = change.effectiveChangeType();
        String apiVersion = apiVersion(change);
        String line = type.symbol() + " " + ResourceIds.relative(change.resourceId())
                + (apiVersion.isEmpty() ? "" : " [" + apiVersion + "]");
        text.append("    ").append(paint(type, line));
        if (type == ChangeType.UNSUPPORTED && !change.unsupportedReason().isEmpty()) {
            text.append(": ").append(change.unsupportedReason());
        }
        text.append('\n');
        for (PropertyChange property : change.changes()) {
            property(property, 8, text);
        }
        text.append('\n');
    }

    private void property(PropertyChange change, int indent, StringBuilder text) {
        String pad = " ".repeat(indent);
        String symbol = paint(change.type(), change.type().symbol());
        switch (change.type()) {
            case CREATE -> text.append(pad).append(symbol).append(' ').append(change.path()).append(": ")
                    .append(value(change.after())).append('\n');
            case DELETE, NO_EFFECT -> text.append(pad).append(symbol).append(' ').append(change.path()).append(": ")
                    .append(value(change.before())).append('\n');
            case MODIFY -> {
                if (change.children().isEmpty()) {
                    text.append(pad).append(symbol).append(' ').append(change.path()).append(": ")
                            .append(value(change.before())).append(" => ").append(value(change.after())).append('\n');
                } else {
                    nested(change, "{", "}", indent, text);
                }
            }
            case ARRAY -> nested(change, "[", "]", indent, text);
        }
    }

    private void nested(PropertyChange change, String open, String close, int indent, StringBuilder text) {
        String pad = " ".repeat(indent);
        text.append(pad).append(paint(change.type(), change.type().symbol())).append(' ').append(change.path())
                .append(": ").append(open).append('\n');
        for (PropertyChange child : change.children()) {
            property(child, indent + 4, text);
        }
        text.append(pad).append("  ").append(close).append('\n');
    }

    private static List<String> noiseLines(StageWhatIf stage) {
        List<String> lines = new ArrayList<>();
        for (ResourceChange change : stage.changes()) {
            for (Noise noise : change.noise()) {
                lines.add(PropertyChangeType.NO_EFFECT.symbol() + " " + ResourceIds.relative(change.resourceId()) + " "
                        + noise.change().path() + ": " + noise.reason().description());
            }
        }
        return lines;
    }

    /** Resources grouped by scope in order of first appearance, sorted by id inside a scope as the az CLI does. */
    static Map<String, List<ResourceChange>> byScope(List<ResourceChange> changes) {
        Map<String, List<ResourceChange>> scopes = new LinkedHashMap<>();
        for (ResourceChange change : changes) {
            scopes.computeIfAbsent(ResourceIds.scope(change.resourceId()), scope -> new ArrayList<>()).add(change);
        }
        scopes.values().forEach(list -> list.sort(Comparator.comparing(
                (ResourceChange change) -> change.resourceId().toLowerCase(Locale.ROOT))));
        return scopes;
    }

    static String apiVersion(ResourceChange change) {
        JsonNode version = change.after() != null ? change.after().path("apiVersion") : null;
        if ((version == null || version.isMissingNode()) && change.before() != null) {
            version = change.before().path("apiVersion");
        }
        return version == null ? "" : version.asText("");
    }

    static String value(JsonNode value) {
        return value == null ? "null" : value.toString();
    }

    private String paint(ChangeType type, String text) {
        return paint(switch (type) {
            case CREATE -> "\u001B[32m";
            case DELETE -> "\u001B[31m";
            case MODIFY -> "\u001B[35m";
            case DEPLOY -> "\u001B[34m";
            case NO_CHANGE -> "";
            case IGNORE, UNSUPPORTED -> "\u001B[90m";
        }, text);
    }

    private String paint(PropertyChangeType type, String text) {
        return paint(switch (type) {
            case CREATE -> "\u001B[32m";
            case DELETE -> "\u001B[31m";
            case MODIFY, ARRAY -> "\u001B[35m";
            case NO_EFFECT -> "\u001B[90m";
        }, text);
    }

    private String paint(String code, String text) {
        return colour && !code.isEmpty() ? code + text + RESET : text;
    }
}
