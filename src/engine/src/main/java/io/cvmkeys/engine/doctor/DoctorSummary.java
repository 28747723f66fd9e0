package io.cvmkeys.engine.doctor;

/** The one-line result shared by the text and Markdown reports. */
final class DoctorSummary {

    private DoctorSummary() {
    }

    static String line(DoctorReport report) {
        return switch (report.status()) {
            case HEALTHY -> "healthy: no findings";
            case WARNINGS -> report.warnings().size() + " warning(s), no errors";
            case ERRORS -> report.errors().size() + " error(s), " + report.warnings().size() + " warning(s)";
        };
    }
}
