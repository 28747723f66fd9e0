package io.cvmkeys.dsl.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cvmkeys.dsl.SampleTemplates;
import io.cvmkeys.dsl.model.Template;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares both writers' output with reviewed files under {@code src/test/resources/golden}. After an intended
 * change, regenerate them with {@code mvn -pl dsl test -Dtest=GoldenFilesTest -Dcvmkeys.updateGolden=true} and
 * review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Template> templates() {
        return Stream.of(SampleTemplates.vault(), SampleTemplates.diskEncryptionSet(), SampleTemplates.alerts());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void armTemplateMatchesGolden(Template template) throws IOException {
        assertGolden(template.name() + ".json", new ArmTemplateWriter().write(template));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void bicepMatchesGolden(Template template) throws IOException {
        assertGolden(template.name() + ".bicep", new BicepWriter().write(template));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void parameterFilesMatchGolden(Template template) throws IOException {
        Map<String, ParameterValue> values = sampleValues(template);
        assertGolden(template.name() + ".parameters.json", new ArmParametersWriter().write(template, values));
        assertGolden(template.name() + ".bicepparam", new BicepParamWriter().write(template, values, template.name() + ".bicep"));
    }

    private static Map<String, ParameterValue> sampleValues(Template template) {
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        for (String name : template.parameters().keySet()) {
            switch (name) {
                case "location" -> { }
                case "severity" -> values.put(name, ParameterValue.of("Sev1"));
                case "keySize" -> values.put(name, ParameterValue.of(JsonNodeFactory.instance.numberNode(4096)));
                case "tags" -> values.put(name, ParameterValue.of(JsonNodeFactory.instance.objectNode()
                        .put("component", "cmk").put("environment", "prd")));
                case "emailReceivers" -> {
                    var receivers = JsonNodeFactory.instance.arrayNode();
                    receivers.addObject().put("name", "platform-oncall").put("emailAddress", "platform-oncall@contoso-health.eu");
                    values.put(name, ParameterValue.of(receivers));
                }
                case "webhookUri" -> values.put(name, new ParameterValue.KeyVaultSecret(
                        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ops/providers/Microsoft.KeyVault/vaults/kv-ops-weu-001",
                        "cmk-alert-webhook"));
                case "orchestratorObjectId" -> values.put(name, new ParameterValue.EnvironmentVariable("CVM_ORCHESTRATOR_OBJECT_ID"));
                default -> values.put(name, ParameterValue.of(name + "-value"));
            }
        }
        return values;
    }

    private static void assertGolden(String fileName, String actual) throws IOException {
        Path golden = GOLDEN.resolve(fileName);
        if (Boolean.getBoolean("cvmkeys.updateGolden")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (regenerate with -Dcvmkeys.updateGolden=true)", golden).exists();
        assertThat(actual).as("output for %s", fileName).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
