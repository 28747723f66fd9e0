package io.cvmkeys.maven;

import io.cvmkeys.engine.doctor.DoctorReport;
import io.cvmkeys.engine.doctor.Finding;
import io.cvmkeys.engine.doctor.Severity;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goal's verdict: Maven has no exit codes, so errors fail the build and warnings are logged. */
class DoctorMojoTest {

    private static final Finding EXPIRING = new Finding("DOCTOR-KEY-004", Severity.WARNING, "/keys/cmk",
            "Key 'cmk' expires in 20 days.", "Run the offline rotation.", null);
    private static final Finding DISABLED = new Finding("DOCTOR-KEY-002", Severity.ERROR, "/keys/cmk",
            "Key 'cmk' is disabled.", "Re-enable it.", "Deallocated hosts will not start.");

    private final RecordingLog log = new RecordingLog();

    @Test
    void healthyReportPasses() throws MojoFailureException {
        DoctorMojo.verdict(report(), log);

        assertThat(log.errors).isEmpty();
        assertThat(log.warnings).isEmpty();
    }

    @Test
    void warningsAreLoggedAndPass() throws MojoFailureException {
        DoctorMojo.verdict(report(EXPIRING), log);

        assertThat(log.warnings).singleElement().asString().contains("DOCTOR-KEY-004").contains("Run the offline rotation.");
        assertThat(log.errors).isEmpty();
    }

    @Test
    void errorsFailTheBuild() {
        assertThatThrownBy(() -> DoctorMojo.verdict(report(EXPIRING, DISABLED), log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 error findings in environment 'prd'");

        assertThat(log.errors).singleElement().asString().contains("DOCTOR-KEY-002")
                .contains("Impact: Deallocated hosts will not start.");
        assertThat(log.warnings).hasSize(1);
    }

    private static DoctorReport report(Finding... findings) {
        return new DoctorReport("prd", "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14", Instant.parse("2027-06-01T09:00:00Z"),
                List.of(findings));
    }

    /** Keeps what the goal logs, by level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
        }

        @Override
        public void info(CharSequence content) {
        }
    }
}
