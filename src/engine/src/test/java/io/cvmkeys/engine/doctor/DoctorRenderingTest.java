package io.cvmkeys.engine.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The three report formats and the status they share. */
class DoctorRenderingTest {

    private static final Finding WARNING = Finding.warning("DOCTOR-VAULT-005", "/vaults/kv",
            "Vault 'kv' has publicNetworkAccess 'Enabled'.", "Set publicNetworkAccess to Disabled.");
    private static final Finding REVOKED = Finding.error("DOCTOR-KEY-002", "/vaults/kv/keys/cmk",
            "Key 'cmk' is disabled | revoked.", "Re-enable it.").withImpact("Deallocated hosts will not start.");

    private final DoctorReport report = new DoctorReport("prd", "sub-id", Instant.parse("2027-06-01T09:00:00Z"),
            List.of(WARNING, REVOKED));

    @Test
    void errorsComeFirst() {
        assertThat(report.findings()).extracting(Finding::id).containsExactly("DOCTOR-KEY-002", "DOCTOR-VAULT-005");
        assertThat(report.status()).isEqualTo(DoctorStatus.ERRORS);
    }

    @Test
    void statusOfWarningsOnly() {
        DoctorReport warnings = new DoctorReport("prd", "sub-id", Instant.EPOCH, List.of(WARNING));

        assertThat(warnings.status()).isEqualTo(DoctorStatus.WARNINGS);
    }

    @Test
    void textShowsImpactAndFix() {
        String text = new DoctorText().render(report);

        assertThat(text).startsWith("cvmkeys doctor: prd in subscription sub-id at 2027-06-01T09:00:00Z\n"
                + "1 error(s), 1 warning(s)\n");
        assertThat(text).contains("error DOCTOR-KEY-002: Key 'cmk' is disabled | revoked.\n"
                + "  resource: /vaults/kv/keys/cmk\n"
                + "  impact:   Deallocated hosts will not start.\n"
                + "  fix:      Re-enable it.\n");
    }

    @Test
    void markdownEscapesTableCells() {
        String markdown = new DoctorMarkdown().render(report);

        assertThat(markdown).contains("| error | DOCTOR-KEY-002 | `/vaults/kv/keys/cmk` | Key 'cmk' is disabled \\| revoked. |");
        assertThat(markdown).contains("## DOCTOR-KEY-002\n\nKey 'cmk' is disabled | revoked.\n\n"
                + "- **Impact:** Deallocated hosts will not start.\n- **Fix:** Re-enable it.\n");
    }

    @Test
    void markdownOfHealthyReportHasNoTable() {
        String markdown = new DoctorMarkdown().render(new DoctorReport("prd", "sub-id", Instant.EPOCH, List.of()));

        assertThat(markdown).contains("**healthy: no findings**").doesNotContain("| Severity |");
    }

    @Test
    void jsonCarriesEveryField() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new DoctorJson().render(report));

        assertThat(json.path("status").asText()).isEqualTo("errors");
        assertThat(json.path("summary").path("errors").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("warnings").asInt()).isEqualTo(1);
        JsonNode first = json.path("findings").get(0);
        assertThat(first.path("id").asText()).isEqualTo("DOCTOR-KEY-002");
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("impact").asText()).isEqualTo("Deallocated hosts will not start.");
        assertThat(json.path("findings").get(1).has("impact")).isFalse();
    }
}
