package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.write.Json;

import java.util.Locale;

/** Renders a {@link DoctorReport} as JSON for tools and dashboards. */
public final class DoctorJson {

    public String render(DoctorReport report) {
        return Json.pretty(toJson(report));
    }

    public ObjectNode toJson(DoctorReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("environment", report.environment());
        root.put("subscriptionId", report.subscriptionId());
        root.put("checkedAt", report.checkedAt().toString());
        root.put("status", report.status().name().toLowerCase(Locale.ROOT));
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.errors().size());
        summary.put("warnings", report.warnings().size());

        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode json = findings.addObject();
            json.put("id", finding.id());
            json.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            json.put("resourceId", finding.resourceId());
            json.put("message", finding.message());
            if (finding.impact() != null) {
                json.put("impact", finding.impact());
            }
            json.put("fix", finding.fix());
        }
        return root;
    }
}
