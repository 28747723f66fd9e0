package io.cvmkeys.engine.doctor;

/** Renders a {@link DoctorReport} as Markdown, for a pipeline summary or a published report. */
public final class DoctorMarkdown {

    public String render(DoctorReport report) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("# cvmkeys doctor: ").append(report.environment()).append("\n\n");
        markdown.append("Subscription `").append(report.subscriptionId()).append("`, checked at ")
                .append(report.checkedAt()).append(".\n\n");
        markdown.append("**").append(DoctorSummary.line(report)).append("**\n");
        if (report.findings().isEmpty()) {
            return markdown.toString();
        }

        markdown.append("\n| Severity | Id | Resource | Message |\n| --- | --- | --- | --- |\n");
        for (Finding finding : report.findings()) {
            markdown.append("| ").append(finding.severity().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(finding.id())
                    .append(" | `").append(finding.resourceId()).append('`')
                    .append(" | ").append(cell(finding.message())).append(" |\n");
        }
        for (Finding finding : report.findings()) {
            markdown.append("\n## ").append(finding.id()).append("\n\n");
            markdown.append(finding.message()).append("\n\n");
            if (finding.impact() != null) {
                markdown.append("- **Impact:** ").append(finding.impact()).append('\n');
            }
            markdown.append("- **Fix:** ").append(finding.fix()).append('\n');
        }
        return markdown.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
