package io.cvmkeys.engine.whatif;

import java.util.List;
import java.util.Map;

/** Renders a {@link WhatIfPlan} as GitHub-flavoured Markdown for pipeline summaries and pull-request comments. */
public final class WhatIfMarkdown {

    public String render(WhatIfPlan plan) {
        StringBuilder md = new StringBuilder();
        md.append("## What-If: ").append(plan.stack()).append(" / ").append(plan.environment()).append("\n\n");
        md.append("**").append(plan.summaryLine()).append("**\n");
        for (StageWhatIf stage : plan.stages()) {
            stage(stage, md);
        }
        return md.toString();
    }

    private static void stage(StageWhatIf stage, StringBuilder md) {
        md.append("\n### Stage `").append(stage.stage()).append("`\n\n");
        md.append("Deployment `").append(stage.deploymentName()).append("` to resource group `")
                .append(stage.resourceGroup()).append("`.\n\n");

        if (stage.changes().isEmpty()) {
            md.append("No resources.\n");
        } else {
            md.append("| | Change | Resource | API version |\n|---|---|---|---|\n");
            for (Map.Entry<String, List<ResourceChange>> scope : WhatIfText.byScope(stage.changes()).entrySet()) {
                for (ResourceChange change : scope.getValue()) {
                    ChangeType type = change.effectiveChangeType();
                    md.append("| ").append(cell(type.symbol())).append(" | ").append(type.armName()).append(" | `")
                            .append(cell(ResourceIds.relative(change.resourceId()))).append("` | ")
                            .append(cell(WhatIfText.apiVersion(change))).append(" |\n");
                }
            }
        }

        for (ResourceChange change : stage.changes()) {
            if (change.changes().isEmpty()) {
                continue;
            }
            md.append("\nProperty changes of `").append(ResourceIds.relative(change.resourceId())).append("`:\n\n");
            for (PropertyChange property : change.changes()) {
                property(property, 0, md);
            }
        }

        if (!stage.unknownInputs().isEmpty()) {
            md.append('\n');
            for (UnknownInput input : stage.unknownInputs()) {
                md.append("- Unknown until stage `").append(input.fromStage()).append("` is deployed: parameter `")
                        .append(input.parameter()).append("` (output `").append(input.output()).append("`)")
                        .append(input.placeholder() == null ? "" : "; What-If ran with a placeholder")
                        .append(".\n");
            }
        }

        if (!stage.pendingInputs().isEmpty()) {
            md.append('\n');
            for (io.cvmkeys.dsl.stack.StageInput input : stage.pendingInputs()) {
                md.append("- May change when stage `").append(input.fromStage()).append("` is deployed: parameter `")
                        .append(input.parameter()).append("` (output `").append(input.output())
                        .append("`); checked again before this stage is written.\n");
            }
        }

        long noiseCount = stage.changes().stream().mapToLong(change -> change.noise().size()).sum();
        if (noiseCount > 0) {
            md.append("\n<details><summary>").append(noiseCount).append(" property differences not counted as changes</summary>\n\n");
            for (ResourceChange change : stage.changes()) {
                for (Noise noise : change.noise()) {
                    md.append("- `").append(ResourceIds.relative(change.resourceId())).append("` `")
                            .append(noise.change().path()).append("`: ").append(noise.reason().description()).append('\n');
                }
            }
            md.append("\n</details>\n");
        }
    }

    private static void property(PropertyChange change, int depth, StringBuilder md) {
        md.append("  ".repeat(depth)).append("- `").append(change.type().symbol()).append(' ').append(change.path()).append('`');
        switch (change.type()) {
            case CREATE -> md.append(": `").append(code(WhatIfText.value(change.after()))).append('`');
            case DELETE, NO_EFFECT -> md.append(": `").append(code(WhatIfText.value(change.before()))).append('`');
            case MODIFY -> {
                if (change.children().isEmpty()) {
                    md.append(": `").append(code(WhatIfText.value(change.before()))).append("` → `")
                            .append(code(WhatIfText.value(change.after()))).append('`');
                }
            }
            case ARRAY -> {
            }
        }
        md.append('\n');
        for (PropertyChange child : change.children()) {
            property(child, depth + 1, md);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String code(String text) {
        return text.replace("`", "'");
    }
}
