package io.cvmkeys.engine.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.engine.gates.GateReport;
import io.cvmkeys.engine.whatif.WhatIfJson;
import io.cvmkeys.engine.whatif.WhatIfMarkdown;
import io.cvmkeys.engine.whatif.WhatIfPlan;

/** Writes the plan as {@code plan.json} and {@code plan.md}, with the gates' findings. */
public final class PlanFiles {

    private PlanFiles() {
    }

    public static void write(OutputLayout layout, WhatIfPlan plan, GateReport report) {
        ObjectNode json = new WhatIfJson().toJson(plan);
        ArrayNode findings = json.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode item = findings.addObject();
            item.put("ruleId", finding.ruleId());
            item.put("severity", finding.severity().name());
            item.put("resource", finding.resource());
            item.put("path", finding.path());
            item.put("message", finding.message());
            item.put("fix", finding.fix());
        }
        JsonFiles.write(layout.planJson(plan.environment()), json);

        StringBuilder markdown = new StringBuilder(new WhatIfMarkdown().render(plan));
        if (!report.findings().isEmpty()) {
            markdown.append("\n### Gates\n\n");
            report.findings().forEach(finding -> markdown.append("- ").append(finding.toLine()).append('\n'));
        }
        JsonFiles.writeText(layout.planMarkdown(plan.environment()), markdown.toString());
    }
}
