package io.cvmkeys.engine.doctor;

/** Renders a {@link DoctorReport} as plain text for a terminal or a pipeline log. */
public final class DoctorText {

    public String render(DoctorReport report) {
        StringBuilder text = new StringBuilder();
        text.append("cvmkeys doctor: ").append(report.environment()).append(" in subscription ")
                .append(report.subscriptionId()).append(" at ").append(report.checkedAt()).append('\n');
        text.append(DoctorSummary.line(report)).append('\n');
        for (Finding finding : report.findings()) {
            text.append('\n');
            text.append(finding.severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(finding.id())
                    .append(": ").append(finding.message()).append('\n');
            text.append("  resource: ").append(finding.resourceId()).append('\n');
            if (finding.impact() != null) {
                text.append("  impact:   ").append(finding.impact()).append('\n');
            }
            text.append("  fix:      ").append(finding.fix()).append('\n');
        }
        return text.toString();
    }
}
