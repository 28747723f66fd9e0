package io.cvmkeys.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cvmkeys rotate} against the emulator in the same process, in real time with one-second VM transitions. */
class RotateCommandTest {

    private static final String SUBSCRIPTION = "6a1f8a4e-0000-4000-8000-00000000c0de";
    private static final String SUB = "/subscriptions/" + SUBSCRIPTION;
    private static final String DES = SUB + "/resourceGroups/rg-avd-prd-cmk/providers/Microsoft.Compute/diskEncryptionSets/des-avd-prd-cmk-weu-001";
    private static final String FIXTURE = """
            {"subscriptionId": "%1$s",
             "resourceGroups": [{"name": "rg-avd-cmk-prd-weu-001", "location": "westeurope"},
                                {"name": "rg-avd-prd-cmk", "location": "westeurope"},
                                {"name": "rg-avd-prd-hp", "location": "westeurope"},
                                {"name": "rg-avd-prd-hosts", "location": "westeurope"}],
             "resources": [
              {"id": "%2$s/resourceGroups/rg-avd-cmk-prd-weu-001/providers/Microsoft.KeyVault/vaults/kv-avd-cmk-prd-weu-001",
               "body": {"location": "westeurope", "properties": {"sku": {"family": "A", "name": "premium"}}}},
              {"id": "%2$s/resourceGroups/rg-avd-cmk-prd-weu-001/providers/Microsoft.KeyVault/vaults/kv-avd-cmk-prd-weu-001/keys/cmk-avd-prd-weu-001",
               "body": {"properties": {"kty": "RSA-HSM", "keySize": 3072}}},
              {"id": "%3$s",
               "body": {"location": "westeurope", "properties": {"encryptionType": "ConfidentialVmEncryptedWithCustomerKey",
                        "activeKey": {"keyUrl": "https://kv-avd-cmk-prd-weu-001.vault.azure.net/keys/cmk-avd-prd-weu-001/0123456789abcdef0123456789abcdef"}}}},
              {"id": "%2$s/resourceGroups/rg-avd-prd-hosts/providers/Microsoft.Compute/disks/vm-1-os",
               "body": {"location": "westeurope", "properties": {"creationData": {"createOption": "Empty"},
                        "securityProfile": {"securityType": "ConfidentialVM_DiskEncryptedWithCustomerKey", "secureVMDiskEncryptionSetId": "%3$s"}}}},
              {"id": "%2$s/resourceGroups/rg-avd-prd-hosts/providers/Microsoft.Compute/virtualMachines/vm-1",
               "body": {"location": "westeurope", "properties": {"storageProfile": {"osDisk": {"createOption": "Attach",
                        "managedDisk": {"id": "%2$s/resourceGroups/rg-avd-prd-hosts/providers/Microsoft.Compute/disks/vm-1-os"}}}}},
               "emulator": {"powerState": "running", "deallocateSeconds": 1, "startSeconds": 1}},
              {"id": "%2$s/resourceGroups/rg-avd-prd-hp/providers/Microsoft.DesktopVirtualization/hostPools/hp-avd-prd-weu-001",
               "body": {"location": "westeurope", "properties": {"hostPoolType": "Pooled"}}},
              {"id": "%2$s/resourceGroups/rg-avd-prd-hp/providers/Microsoft.DesktopVirtualization/hostPools/hp-avd-prd-weu-001/sessionHosts/vm-1.contoso.local",
               "body": {"properties": {"allowNewSession": true, "resourceId": "%2$s/resourceGroups/rg-avd-prd-hosts/providers/Microsoft.Compute/virtualMachines/vm-1"}}},
              {"id": "%2$s/resourceGroups/rg-avd-prd-hp/providers/Microsoft.DesktopVirtualization/hostPools/hp-avd-prd-weu-001/sessionHosts/vm-1.contoso.local/userSessions/1",
               "body": {"properties": {"userPrincipalName": "alice@contoso.com", "sessionState": "Disconnected"}}}
             ]}
            """;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path envDirectory;
    private Path fixture;
    private Path state;
    private Path journals;

    @BeforeEach
    void writeEnvironmentAndFixture() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode env = (ObjectNode) mapper.readTree(Path.of("../../samples/avd-cmk/env/prd.json").toFile());
        env.remove("$schema");
        env.put("subscription", SUBSCRIPTION);
        envDirectory = Files.createDirectories(temp.resolve("env"));
        mapper.writeValue(envDirectory.resolve("prd.json").toFile(), env);
        fixture = temp.resolve("fixture.json");
        Files.writeString(fixture, FIXTURE.formatted(SUBSCRIPTION, SUB, DES));
        state = temp.resolve("state");
        journals = temp.resolve("journals");
    }

    private int rotate(String... extra) {
        String[] base = {"rotate", "--env", "prd", "--env-dir", envDirectory.toString(), "--target", "emulator",
                "--emulator-fixture", fixture.toString(), "--emulator-state", state.toString(),
                "--journal-dir", journals.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void dryRunShowsPlanAndChangesNothing() throws Exception {
        int exit = rotate("--dry-run", "--json");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        JsonNode plan = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(plan.path("diskEncryptionSetId").asText()).isEqualToIgnoringCase(DES);
        assertThat(plan.path("resources")).hasSize(3);
        assertThat(journals).doesNotExist();
    }

    @Test
    void withoutYesStopsForApproval() {
        int exit = rotate();

        assertThat(exit).isEqualTo(ExitCodes.PENDING_APPROVAL);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rotation plan for", "deallocate");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--yes");
        assertThat(journals).doesNotExist();
    }

    @Test
    void rotateWithYesRotatesAndReports() throws Exception {
        int exit = rotate("--yes", "--force-logoff", "--drain-timeout", "0s");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rotation SUCCEEDED", "[DEALLOCATE", "previousKeys:     none");
        try (var files = Files.list(journals)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("rotation-"))).hasSize(1);
        }
    }

    @Test
    void jsonWritesOneObjectPerLine() throws Exception {
        int exit = rotate("--yes", "--force-logoff", "--drain-timeout", "0s", "--json");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        ObjectMapper mapper = new ObjectMapper();
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines.get(0).path("type").asText()).isEqualTo("plan");
        assertThat(lines.get(lines.size() - 1).path("type").asText()).isEqualTo("report");
        assertThat(lines.get(lines.size() - 1).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(lines).anySatisfy(line -> assertThat(line.path("type").asText()).isEqualTo("progress"));
    }

    @Test
    void sessionsWithoutForceLogoffFailAndRestore() {
        int exit = rotate("--yes", "--drain-timeout", "0s");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rotation ROLLED_BACK", "--force-logoff");
    }

    @Test
    void invalidDrainTimeoutIsInvalidInput() {
        int exit = rotate("--drain-timeout", "soon");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Invalid --drain-timeout 'soon'");
    }

    @Test
    void unknownJournalIsInvalidInput() {
        int exit = rotate("--yes", "--resume", temp.resolve("missing.json").toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not found");
    }
}
