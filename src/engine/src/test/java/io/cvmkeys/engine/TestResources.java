package io.cvmkeys.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.dsl.stack.Stack;
import io.cvmkeys.modules.env.Environment;
import io.cvmkeys.modules.env.EnvironmentLoader;
import io.cvmkeys.modules.stack.CmkStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test inputs: classpath JSON and the reference environment of the samples. */
public final class TestResources {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** The reference environment file, relative to the module directory Surefire runs in. */
    public static final Path PRD = Path.of("../../samples/avd-cmk/env/prd.json");

    private TestResources() {
    }

    public static JsonNode json(String resource) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the reference environment on a fixed date well before its key expires. */
    public static Environment prdEnvironment() {
        return new EnvironmentLoader(Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC)).load(PRD);
    }

    public static Stack prdStack() {
        return CmkStack.build(prdEnvironment());
    }

    /** Returns {@code environment} with its alert settings replaced. */
    public static Environment withAlerts(Environment environment,
            java.util.function.UnaryOperator<Environment.AlertSettings> change) {
        return new Environment(environment.name(), environment.production(), environment.subscription(),
                environment.location(), environment.tags(), environment.resourceGroups(), environment.keyVault(),
                environment.key(), environment.identity(), environment.confidentialVmOrchestratorObjectId(),
                environment.diskEncryptionSet(), environment.hostPool(), change.apply(environment.alerts()));
    }

    /** Returns {@code environment} with one more tag. */
    public static Environment withTag(Environment environment, String name, String value) {
        java.util.Map<String, String> tags = new java.util.TreeMap<>(environment.tags());
        tags.put(name, value);
        return new Environment(environment.name(), environment.production(), environment.subscription(),
                environment.location(), tags, environment.resourceGroups(), environment.keyVault(),
                environment.key(), environment.identity(), environment.confidentialVmOrchestratorObjectId(),
                environment.diskEncryptionSet(), environment.hostPool(), environment.alerts());
    }

    /** Returns {@code alerts} with another severity. */
    public static Environment.AlertSettings severity(Environment.AlertSettings alerts, String severity) {
        return new Environment.AlertSettings(alerts.actionGroupName(), alerts.actionGroupShortName(), alerts.systemTopicName(),
                severity, alerts.emailReceivers(), alerts.webhook());
    }

    /** Returns {@code alerts} with another system topic name. */
    public static Environment.AlertSettings systemTopicName(Environment.AlertSettings alerts, String name) {
        return new Environment.AlertSettings(alerts.actionGroupName(), alerts.actionGroupShortName(), name,
                alerts.severity(), alerts.emailReceivers(), alerts.webhook());
    }

    /** Returns {@code alerts} whose webhook URI is read from the environment variable {@code variable}. */
    public static Environment.AlertSettings webhookFromVariable(Environment.AlertSettings alerts, String variable) {
        return new Environment.AlertSettings(alerts.actionGroupName(), alerts.actionGroupShortName(), alerts.systemTopicName(),
                alerts.severity(), alerts.emailReceivers(), new Environment.WebhookSettings(variable, null));
    }
}
