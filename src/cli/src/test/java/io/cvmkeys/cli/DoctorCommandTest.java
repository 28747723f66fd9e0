package io.cvmkeys.cli;

import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.ArmEmulator;
import io.cvmkeys.emulator.ArmEmulatorOptions;
import io.cvmkeys.emulator.Throttling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cvmkeys doctor} against a standalone-style emulator reached through its endpoint and PEM certificate, with
 * the committed prd templates deployed. The command uses the system clock, and the prd key expires on 2027-12-01.
 */
class DoctorCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLE_ENV = Path.of("../../samples/avd-cmk/env");
    private static final Path GENERATED = Path.of("../../generated/prd");
    private static final String SUBSCRIPTION = "6f2c1a9e-4b7d-4e21-9c3a-8d5f0e7b2a14";

    static {
        // The SDK waits between long-running operation polls in real time; these operations take no time.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
    }

    @TempDir
    Path temp;

    private ArmEmulator emulator;
    private ResourceManager arm;
    private Path certificate;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        emulator = ArmEmulator.start(new ArmEmulatorOptions()
                .throttling(Throttling.disabled())
                .retryAfter(Duration.ZERO)
                .operationDuration(Duration.ZERO));
        certificate = Files.writeString(temp.resolve("emulator-cert.pem"), emulator.certificatePem());
        arm = ResourceManager.configure()
                .withHttpClient(emulator.httpClient())
                .authenticate(emulator.credential(), emulator.profile(SUBSCRIPTION))
                .withSubscription(SUBSCRIPTION);
        for (String group : new String[] {"rg-avd-cmk-prd-weu-001", "rg-avd-prd-cmk", "rg-avd-prd-hosts"}) {
            arm.resourceGroups().define(group).withRegion("westeurope").create();
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void healthyStackExitsZero() throws IOException {
        deployStack(template -> template);

        int exit = doctor("--format", "text");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cvmkeys doctor: prd in subscription " + SUBSCRIPTION)
                .contains("healthy: no findings");
    }

    @Test
    void warningsOnlyExitThreeAndWriteMarkdown() throws IOException {
        deployStack(template -> template.replace("\"publicNetworkAccess\": \"Disabled\"", "\"publicNetworkAccess\": \"Enabled\""));
        Path report = temp.resolve("reports/doctor-prd.md");

        int exit = doctor("--format", "markdown", "--output", report.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.WARNINGS);
        assertThat(Files.readString(report)).startsWith("# cvmkeys doctor: prd")
                .contains("| warning | DOCTOR-VAULT-005 |");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(report));
    }

    @Test
    void emptySubscriptionExitsOneWithJson() throws IOException {
        int exit = doctor("--format", "json");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        JsonNode json = MAPPER.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("status").asText()).isEqualTo("errors");
        assertThat(json.path("findings").findValuesAsText("id")).contains("DOCTOR-VAULT-001", "DOCTOR-DES-001",
                "DOCTOR-ALERT-001", "DOCTOR-ALERT-004");
    }

    @Test
    void remoteEmulatorEndpointIsInvalidInput() {
        int exit = run("doctor", "--env", "prd", "--env-dir", SAMPLE_ENV.toString(), "--target", "emulator",
                "--emulator-endpoint", "https://management.azure.com/", "--emulator-cert", certificate.toString(),
                "--subscription", SUBSCRIPTION);

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("loopback only");
    }

    @Test
    void emulatorWithoutCertificateIsInvalidInput() {
        int exit = run("doctor", "--env", "prd", "--env-dir", SAMPLE_ENV.toString(), "--target", "emulator",
                "--emulator-endpoint", emulator.endpoint());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--emulator-cert");
    }

    @Test
    void unknownSubscriptionNameIsInvalidInput() {
        int exit = run("doctor", "--env", "prd", "--env-dir", SAMPLE_ENV.toString(), "--target", "emulator",
                "--emulator-endpoint", emulator.endpoint(), "--emulator-cert", certificate.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Subscription 'sub-avd-prd' not found")
                .contains("give the subscription GUID");
    }

    @Test
    void unknownFormatIsInvalidInput() {
        int exit = doctor("--format", "html");

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    private int doctor(String... options) {
        String[] base = {"doctor", "--env", "prd", "--env-dir", SAMPLE_ENV.toString(), "--target", "emulator",
                "--emulator-endpoint", emulator.endpoint(), "--emulator-cert", certificate.toString(),
                "--subscription", SUBSCRIPTION};
        String[] args = new String[base.length + options.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        return run(args);
    }

    private int run(String... args) {
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

    /** Deploys the three generated stages, the vault template changed by {@code vaultEdit}, and one session host. */
    private void deployStack(UnaryOperator<String> vaultEdit) throws IOException {
        Deployment vault = deploy("rg-avd-cmk-prd-weu-001", "vault", vaultEdit.apply(template("vault")), Map.of());
        Deployment des = deploy("rg-avd-prd-cmk", "des", template("des"), Map.of(
                "keyUriWithVersion", output(vault, "keyUriWithVersion"), "identityId", output(vault, "identityId")));
        deploy("rg-avd-cmk-prd-weu-001", "alerts", template("alerts"), Map.of("vaultId", output(vault, "vaultId"),
                "webhookUri", "https://hooks.northwind-health.eu/cmk-expiry"));

        String host = new String(DoctorCommandTest.class.getResourceAsStream("/doctor/session-host.json").readAllBytes(),
                StandardCharsets.UTF_8);
        arm.deployments().define("session-host").withExistingResourceGroup("rg-avd-prd-hosts")
                .withTemplate(host)
                .withParameters(Map.of("diskEncryptionSetId", Map.of("value", output(des, "diskEncryptionSetId"))))
                .withMode(DeploymentMode.INCREMENTAL)
                .create();
    }

    private static String template(String stage) throws IOException {
        return Files.readString(GENERATED.resolve(stage + ".json"));
    }

    private Deployment deploy(String resourceGroup, String stage, String template, Map<String, String> wired)
            throws IOException {
        ObjectNode parameters = (ObjectNode) MAPPER.readTree(GENERATED.resolve(stage + ".parameters.json").toFile())
                .get("parameters");
        parameters.remove("webhookUri");
        wired.forEach((name, value) -> parameters.putObject(name).put("value", value));
        return arm.deployments().define("cvmkeys-avd-cmk-prd-" + stage)
                .withExistingResourceGroup(resourceGroup)
                .withTemplate(template)
                .withParameters(MAPPER.writeValueAsString(parameters))
                .withMode(DeploymentMode.INCREMENTAL)
                .create();
    }

    @SuppressWarnings("unchecked")
    private static String output(Deployment deployment, String name) {
        return MAPPER.valueToTree((Map<String, Object>) deployment.outputs()).path(name).path("value").asText();
    }
}
