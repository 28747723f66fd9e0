package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static io.cvmkeys.engine.rotation.RotationPools.assertPoolAsBefore;
import static org.assertj.core.api.Assertions.assertThat;

class KeyRotationTest {

    @TempDir
    Path directory;

    private RotationFixture fixture;
    private RotationTesting testing;

    @BeforeEach
    void start() {
        fixture = RotationPools.pool();
        testing = new RotationTesting(fixture, directory);
    }

    @AfterEach
    void stop() {
        testing.close();
    }

    @Test
    void rotationMovesEveryDiskToNewKey() {
        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.SUCCEEDED);
        assertThat(report.newKeyUrl()).isNotNull().isNotEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertThat(testing.activeKeyUrl()).isEqualTo(report.newKeyUrl());
        assertThat(testing.versionsCreated).hasValue(1);
        assertThat(testing.keyVersionCount()).isEqualTo(2);
        assertThat(report.previousKeys()).isEmpty();
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void discoveryMatchesSetIdInAnyCase() {
        RotationPlan plan = testing.rotation(RotationTesting.options(), event -> { }).plan(RotationTesting.target());

        List<String> ids = plan.actions().stream().map(action -> action.id().toLowerCase(Locale.ROOT)).toList();
        assertThat(ids).contains(fixture.vms().get(3).id().toLowerCase(Locale.ROOT));
        assertThat(ids).contains((RotationFixture.SUB + "/resourceGroups/rg-other/providers/Microsoft.Compute/disks/vm-ops-1-data")
                .toLowerCase(Locale.ROOT));
        assertThat(plan.actions()).filteredOn(action -> action.kind().equals("disk")).hasSize(5);
    }

    @Test
    void planShowsActionsPerResource() {
        RotationPlan plan = testing.rotation(RotationTesting.options(), event -> { }).plan(RotationTesting.target());

        assertThat(action(plan, "vm-avd-1").actions()).containsExactly("deallocate", "restart on the new key");
        assertThat(action(plan, "vm-avd-3").actions()).containsExactly("left deallocated (not running before)");
        assertThat(hostAction(plan, "vm-avd-2").actions()).containsExactly("left drained (already drained)");
        assertThat(hostAction(plan, "vm-avd-1").actions()).contains("drain (allowNewSession=false)",
                "restore allowNewSession=true");
        assertThat(plan.sessions()).isEqualTo(2);
        assertThat(plan.currentKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertThat(plan.expectedWindow()).isEqualTo(Duration.ofMinutes(1).plus(Duration.ofMinutes(2))
                .plus(Duration.ofSeconds(30)).plus(Duration.ofMinutes(3)));
        assertThat(plan.toText()).contains("vm-ops-1", "left deallocated");
        assertThat(plan.toJson()).contains("\"expectedWindowSeconds\" : 390");
        assertThat(testing.arm.writes()).isZero();
    }

    @Test
    void drainedHostStaysDrained() {
        testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        assertThat(testing.allowNewSession(fixture.vms().get(1).hostId())).isFalse();
        assertThat(testing.allowNewSession(fixture.vms().get(0).hostId())).isTrue();
    }

    @Test
    void deallocatedVmStaysDeallocated() {
        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        assertThat(testing.powerState(fixture.vms().get(2).id())).isEqualTo(PowerState.DEALLOCATED);
        assertThat(report.resources()).filteredOn(r -> r.id().toLowerCase(Locale.ROOT)
                .equals(fixture.vms().get(2).id().toLowerCase(Locale.ROOT)))
                .singleElement().satisfies(r -> assertThat(r.after()).isEqualTo(PowerState.DEALLOCATED));
    }

    @Test
    void forceLogoffDeletesDisconnectedSessions() {
        testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        assertThat(testing.sessions(fixture.vms().get(0).hostId())).isZero();
    }

    @Test
    void remainingSessionsWithoutForceLogoffRollBack() {
        RotationOptions options = RotationTesting.options().withForceLogoff(false);

        RotationReport report = testing.rotation(options, event -> { }).rotate(RotationTesting.target());

        assertThat(report.status()).isEqualTo(RotationJournal.Status.ROLLED_BACK);
        assertThat(report.message()).contains("2 user session(s) remain", "--force-logoff");
        assertThat(testing.sessions(fixture.vms().get(0).hostId())).isEqualTo(2);
        assertThat(testing.versionsCreated).hasValue(0);
        assertThat(testing.activeKeyUrl()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
        assertPoolAsBefore(testing, fixture, report);
    }

    @Test
    void journalRecordsPriorStateAndSteps() throws Exception {
        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        JsonNode journal = new ObjectMapper().readTree(Files.readString(report.journal()));
        assertThat(report.journal().getFileName().toString()).startsWith("rotation-").endsWith(".json");
        assertThat(journal.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(journal.path("completedSteps")).hasSize(RotationStep.values().length);
        assertThat(journal.path("vms")).hasSize(4);
        assertThat(journal.path("hosts")).hasSize(3);
        assertThat(journal.path("newKeyUrl").asText()).isEqualTo(report.newKeyUrl());
        assertThat(journal.path("activeKeyUrlBefore").asText()).isEqualTo(RotationFixture.INITIAL_KEY_URL);
    }

    @Test
    void jsonEventsAreOneObjectPerLine() throws Exception {
        StringWriter out = new StringWriter();
        testing.rotation(RotationTesting.options(), RotationListener.jsonLines(new PrintWriter(out))).rotate(RotationTesting.target());

        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(10);
        for (String line : lines) {
            JsonNode event = mapper.readTree(line);
            assertThat(event.has("type")).as(line).isTrue();
            assertThat(event.has("elapsedSeconds")).as(line).isTrue();
            assertThat(event.has("estimatedRemainingSeconds")).as(line).isTrue();
        }
        assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"finished\"");
    }

    @Test
    void powerStatesComeFromOneListPerPoll() {
        RotationReport report = testing.rotation(RotationTesting.options(), event -> { }).rotate(RotationTesting.target());

        assertThat(report.powerStatePolls()).isGreaterThan(2);
        assertThat(testing.events).filteredOn(event -> event.step() == RotationStep.DEALLOCATE && event.type().equals("progress"))
                .last().satisfies(event -> assertThat(event.done()).isEqualTo(4));
    }

    private static PlannedAction action(RotationPlan plan, String vmName) {
        return plan.actions().stream().filter(action -> action.kind().equals("virtualMachine")
                && action.id().endsWith("/" + vmName)).findFirst().orElseThrow();
    }

    private static PlannedAction hostAction(RotationPlan plan, String vmName) {
        return plan.actions().stream().filter(action -> action.kind().equals("sessionHost")
                && action.id().contains("/" + vmName + ".")).findFirst().orElseThrow();
    }
}
