package io.cvmkeys.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it: exit codes, what it prints, what it writes. */
class CliTest {

    private static final Path SAMPLE_ENV = Path.of("../../samples/avd-cmk/env");
    private static final Path BLOG_STYLE = Path.of("../../dsl/src/test/resources/policy/blog-style-keyvault.json");
    private static final Path ARM_SCHEMAS = Path.of(System.getProperty("cvmkeys.armSchemas"));

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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

    @Test
    void synthWritesReferenceEnvironment() {
        int exit = run("synth", "--env", "prd", "--env-dir", SAMPLE_ENV.toString(), "--out", temp.toString(),
                "--arm-schemas", ARM_SCHEMAS.toString());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(temp.resolve("prd/vault.json")).isRegularFile();
        assertThat(temp.resolve("prd/README.md")).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("vault: ARM schema validation: passed")
                .contains("vault: policy rules: passed");
    }

    @Test
    void synthOfInvalidEnvironmentWritesNothing() throws IOException {
        Path envDir = Files.createDirectories(temp.resolve("env"));
        String prd = Files.readString(SAMPLE_ENV.resolve("prd.json")).replace("\"size\": 3072", "\"size\": 1024");
        Files.writeString(envDir.resolve("prd.json"), prd);
        Path output = temp.resolve("generated");

        int exit = run("synth", "--env", "prd", "--env-dir", envDir.toString(), "--out", output.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("$.key.size: 1024 is invalid").doesNotContain("\tat ");
        assertThat(output).doesNotExist();
    }

    @Test
    void synthOfUnknownEnvironmentNamesTheFolder() {
        int exit = run("synth", "--env", "qa", "--env-dir", SAMPLE_ENV.toString(), "--out", temp.toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Environment 'qa' not found");
    }

    @Test
    void lintOfBlogStyleTemplateFails() {
        int exit = run("lint", "--arm-schemas", ARM_SCHEMAS.toString(), BLOG_STYLE.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(printed).contains("CVMKEYS-KEY-001", "CVMKEYS-KEY-005", "CVMKEYS-KEY-006", "CVMKEYS-KEY-009", "CVMKEYS-ROLE-003");
        assertThat(printed).contains("1 files linted: 6 errors");
    }

    @Test
    void lintOfGeneratedTemplatePasses() {
        int exit = run("lint", "--arm-schemas", ARM_SCHEMAS.toString(), "../../generated/prd/vault.json",
                "--parameters", "../../generated/prd/vault.parameters.json");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 files linted: 0 errors, 0 warnings");
    }

    @Test
    void lintWithoutSchemasSaysNotAvailable() {
        run("lint", BLOG_STYLE.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ARM schema validation: not available");
    }

    @Test
    void lintJsonListsFindings() {
        run("lint", "--json", BLOG_STYLE.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ruleId\": \"CVMKEYS-KEY-001\"")
                .contains("\"schemaValidation\": \"not available\"");
    }

    @Test
    void lintOfMissingFileIsInvalidInput() {
        int exit = run("lint", temp.resolve("absent.json").toString());

        assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("File not found");
    }
}
