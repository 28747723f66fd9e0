package io.cvmkeys.engine.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark harness, not a test: the maintenance window of a 200-VM rotation in simulated time. It measures this
 * rotation and the blog script's strategy (one status call per VM, every VM in turn, every 30 s) on the same emulator
 * and fixture. It writes {@code target/rotation-benchmark.md} and asserts nothing about time.
 *
 * <pre>
 * mvn -B -pl src/engine -am test -Dcvmkeys.benchmark=true -Dtest=RotationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "cvmkeys.benchmark", matches = "true")
class RotationBenchmark {

    private static final int VMS = 200;
    private static final long SEED = 20261204L;
    private static final Duration BLOG_INTERVAL = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void compareStrategies() throws IOException {
        RotationFixture fixture = fixture();
        double slowestDeallocate = fixture.vms().stream().mapToDouble(vm -> vm.deallocateSeconds).max().orElseThrow();
        double slowestStart = fixture.vms().stream().mapToDouble(vm -> vm.startSeconds).max().orElseThrow();
        // The emulator's set update takes operationDuration (10 s in RotationTesting); the key version takes no time.
        double lowerBound = slowestDeallocate + 10 + slowestStart;

        long realStart = System.nanoTime();
        Result ours = runOurs(fixture);
        double oursReal = (System.nanoTime() - realStart) / 1e9;
        realStart = System.nanoTime();
        Result blog = runBlog(fixture);
        double blogReal = (System.nanoTime() - realStart) / 1e9;

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "VMs: %d, deallocate 60-120 s (slowest %.1f s), start 90-180 s (slowest %.1f s),"
                + " set update 10 s, seed %d%n", VMS, slowestDeallocate, slowestStart, SEED));
        report.append(String.format(Locale.ROOT, "Lower bound (slowest deallocate + key + set update + slowest start): %.1f s%n%n",
                lowerBound));
        report.append("| strategy | window (s) | over lower bound | power-state polls | ARM GETs in the window | GETs per poll | real time (s) |\n");
        report.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        report.append(row("cvmkeys rotate", ours, lowerBound, oursReal));
        report.append(row("blog script (per-VM status every 30 s)", blog, lowerBound, blogReal));
        Path out = Path.of("target", "rotation-benchmark.md");
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    private static String row(String name, Result result, double lowerBound, double realSeconds) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f%% | %d | %d | %.1f | %.1f |%n", name, result.windowSeconds,
                100 * (result.windowSeconds - lowerBound) / lowerBound, result.polls, result.reads,
                (double) result.reads / Math.max(1, result.polls), realSeconds);
    }

    private record Result(double windowSeconds, long polls, long reads) {
    }

    /** Measures the window from the first deallocate request to the confirmation that every VM runs again. */
    private Result runOurs(RotationFixture fixture) {
        try (RotationTesting testing = new RotationTesting(fixture, directory.resolve("ours"))) {
            List<Instant> marks = new ArrayList<>();
            long[] readsAtStart = new long[1];
            RotationOptions options = RotationOptions.defaults().withDrainTimeout(Duration.ZERO);
            RotationListener marker = event -> {
                if (event.type().equals("step-started") && event.step() == RotationStep.DEALLOCATE) {
                    marks.add(testing.clock.instant());
                    readsAtStart[0] = testing.arm.reads();
                }
                if (event.type().equals("step-done") && event.step() == RotationStep.START) {
                    marks.add(testing.clock.instant());
                }
            };
            RotationReport report = testing.rotation(options, marker).rotate(RotationTesting.target());
            if (report.status() != RotationJournal.Status.SUCCEEDED) {
                throw new IllegalStateException("The benchmark rotation did not succeed: " + report.message());
            }
            // Discovery polls once before the window and the final report once after it.
            long polls = report.powerStatePolls() - 2;
            long reads = report.armReads() - readsAtStart[0] - finalReportReads(testing);
            return new Result(Duration.between(marks.get(0), marks.get(1)).toMillis() / 1000.0, polls, reads);
        }
    }

    private static long finalReportReads(RotationTesting testing) {
        long before = testing.arm.reads();
        new PowerStateReader(testing.arm).read();
        long pages = testing.arm.reads() - before;
        return pages + 2; // one power-state list, the session host list and the set
    }

    /**
     * Runs the blog script's strategy. It deallocates every VM, then every 30 s asks each VM for its status, one
     * call after the other, until all are deallocated. It updates the set and polls it every 30 s, then starts the
     * VMs and polls them the same way. The calls take no simulated time, which favours this strategy, because the
     * real script spends seconds per call.
     */
    private Result runBlog(RotationFixture fixture) {
        try (RotationTesting testing = new RotationTesting(fixture, directory.resolve("blog"))) {
            RotationArm arm = testing.arm;
            List<String> vmIds = fixture.vms().stream().map(RotationFixture.Vm::id).toList();
            long[] polls = {0};
            Instant start = testing.clock.instant();
            long readsAtStart = arm.reads();

            vmIds.forEach(id -> arm.post(id + "/deallocate", RotationArm.COMPUTE_API));
            waitPerVm(testing, vmIds, PowerState.DEALLOCATED, polls);

            String newKey = testing.keys().createVersion();
            ObjectNode body = new ObjectMapper().createObjectNode();
            body.putObject("properties").putObject("activeKey").put("keyUrl", newKey);
            arm.patch(RotationFixture.DES_ID, RotationArm.DISKS_API, body);
            while (true) {
                testing.clock.advance(BLOG_INTERVAL);
                JsonNode set = arm.get(RotationFixture.DES_ID, RotationArm.DISKS_API).orElseThrow();
                if (set.path("properties").path("provisioningState").asText().equals("Succeeded")) {
                    break;
                }
            }

            vmIds.forEach(id -> arm.post(id + "/start", RotationArm.COMPUTE_API));
            waitPerVm(testing, vmIds, PowerState.RUNNING, polls);
            return new Result(Duration.between(start, testing.clock.instant()).toMillis() / 1000.0, polls[0],
                    arm.reads() - readsAtStart);
        }
    }

    private static void waitPerVm(RotationTesting testing, List<String> vmIds, String target, long[] polls) {
        while (true) {
            testing.clock.advance(BLOG_INTERVAL);
            polls[0]++;
            boolean all = true;
            for (String id : vmIds) {
                all &= testing.powerState(id).equals(target);
            }
            if (all) {
                return;
            }
        }
    }

    private static RotationFixture fixture() {
        Random random = new Random(SEED);
        RotationFixture fixture = new RotationFixture();
        for (int i = 0; i < VMS; i++) {
            RotationFixture.Vm vm = fixture.vm(String.format(Locale.ROOT, "vm-avd-%03d", i));
            vm.deallocateSeconds = 60 + random.nextInt(60_001) / 1000.0;
            vm.startSeconds = 90 + random.nextInt(90_001) / 1000.0;
        }
        return fixture;
    }
}
