package io.cvmkeys.modules.env;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.Iso8601Durations;
import io.cvmkeys.dsl.validate.PlaceholderEmails;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Checks that need more than the schema: dates against today, values against each other, production rules. They
 * read the raw document and skip values of the wrong shape, which the schema reports, so a file's schema problems
 * and rule problems are reported together.
 */
final class EnvironmentRules {

    private static final String DNS_ZONE = "privatelink.vaultcore.azure.net";
    private static final int MIN_DAYS_BETWEEN_TRIGGER_AND_CHANGE = 7;

    private final Clock clock;

    EnvironmentRules(Clock clock) {
        this.clock = clock;
    }

    List<EnvironmentProblem> check(JsonNode environment) {
        List<EnvironmentProblem> problems = new ArrayList<>();
        checkWebhook(environment, problems);
        checkRegion(environment, problems);
        checkKeyDates(environment, problems);
        checkNetwork(environment, problems);
        checkReceivers(environment, problems);
        boolean production = environment.path("production").asBoolean(false);
        if (production && environment.path("key").path("size").asInt() == 2048) {
            problems.add(new EnvironmentProblem("$.key.size", "2048 is too small for a production disk key.",
                    "use 3072 or 4096."));
        }
        return problems;
    }

    /** Rejects a webhook URI written into the file, because the file would be committed with its token. */
    private static void checkWebhook(JsonNode environment, List<EnvironmentProblem> problems) {
        JsonNode webhook = environment.path("alerts").path("webhook");
        if (webhook.isTextual() || webhook.has("uri") || webhook.has("url") || webhook.has("serviceUri")) {
            problems.add(new EnvironmentProblem("$.alerts.webhook", "the webhook URI is written inline, so its token"
                    + " would be committed with the file.", "use {\"fromEnvironmentVariable\": \"NAME\"} or"
                    + " {\"fromKeyVaultSecret\": {\"vaultId\": \"...\", \"secretName\": \"...\"}}."));
        }
    }

    private static void checkRegion(JsonNode environment, List<EnvironmentProblem> problems) {
        if (!environment.path("location").isTextual()) {
            return;
        }
        String location = environment.get("location").asText();
        if (!AzureRegions.NAMES.contains(location)) {
            problems.add(new EnvironmentProblem("$.location", "'" + location + "' is not a known Azure region.",
                    "use a region name as 'az account list-locations' prints it, for example westeurope."));
            return;
        }
        boolean overridden = environment.path("key").has("attestationAuthority");
        if (!overridden && AttestationAuthorities.sharedProvider(location).isEmpty()) {
            problems.add(new EnvironmentProblem("$.key.attestationAuthority",
                    "is missing, and cvmkeys has no shared attestation provider on record for " + location + ".",
                    "set it to the Microsoft Azure Attestation endpoint your Confidential VMs in " + location + " use."));
        }
    }

    private void checkKeyDates(JsonNode environment, List<EnvironmentProblem> problems) {
        JsonNode key = environment.path("key");
        long notifyDays = key.path("notifyDaysBeforeExpiry").asLong(30);
        Instant expiresOn = parseInstant(key.path("expiresOn"), problems);
        Instant now = clock.instant();

        if (expiresOn != null && !expiresOn.isAfter(now)) {
            problems.add(new EnvironmentProblem("$.key.expiresOn", expiresOn + " is in the past, so the key would be"
                    + " created expired and every session host using it would stop.",
                    "set a fixed date in the future, for example one year from today."));
        } else if (expiresOn != null
                && Duration.between(now, expiresOn).toDays() < notifyDays + MIN_DAYS_BETWEEN_TRIGGER_AND_CHANGE) {
            problems.add(new EnvironmentProblem("$.key.expiresOn", expiresOn + " is less than " + notifyDays + " + "
                    + MIN_DAYS_BETWEEN_TRIGGER_AND_CHANGE + " days away, so the expiry alert would fire at once and"
                    + " leave no time to plan the offline rotation.",
                    "choose a date further out, or rotate the key first."));
        }

        OptionalDouble rotation = key.path("rotationExpiryTime").isTextual()
                ? Iso8601Durations.toDays(key.get("rotationExpiryTime").asText()) : OptionalDouble.empty();
        if (rotation.isEmpty()) {
            return;
        }
        long rotationDays = (long) rotation.getAsDouble();
        if (rotationDays < 28) {
            problems.add(new EnvironmentProblem("$.key.rotationExpiryTime", key.get("rotationExpiryTime").asText()
                    + " is shorter than Key Vault's minimum of P28D.", "use P28D or longer, for example P1Y."));
        } else if (notifyDays > rotationDays - MIN_DAYS_BETWEEN_TRIGGER_AND_CHANGE) {
            problems.add(new EnvironmentProblem("$.key.notifyDaysBeforeExpiry", notifyDays + " days leaves less than 7 days"
                    + " between a new version's creation and its KeyNearExpiry trigger (versions expire after "
                    + key.get("rotationExpiryTime").asText() + ").", "use at most "
                    + (rotationDays - MIN_DAYS_BETWEEN_TRIGGER_AND_CHANGE) + " days, or a longer rotationExpiryTime."));
        }
    }

    /** Parses the expiry; the schema checks only its shape, so this rejects dates such as 30 February. */
    private static Instant parseInstant(JsonNode value, List<EnvironmentProblem> problems) {
        if (!value.isTextual() || !value.asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(new EnvironmentProblem("$.key.expiresOn", "'" + value.asText() + "' is not a valid date and time.",
                    "write a real UTC date such as 2027-12-01T00:00:00Z."));
            return null;
        }
    }

    private static void checkNetwork(JsonNode environment, List<EnvironmentProblem> problems) {
        JsonNode zone = environment.path("keyVault").path("privateEndpoint").path("privateDnsZoneId");
        if (!zone.isTextual() || !zone.asText().contains("/privateDnsZones/")) {
            return;
        }
        String zoneName = zone.asText().substring(zone.asText().lastIndexOf('/') + 1);
        if (!zoneName.equalsIgnoreCase(DNS_ZONE)) {
            problems.add(new EnvironmentProblem("$.keyVault.privateEndpoint.privateDnsZoneId", "the zone '" + zoneName
                    + "' is not the Key Vault private link zone.", "use the id of the " + DNS_ZONE + " zone."));
        }
    }

    private static void checkReceivers(JsonNode environment, List<EnvironmentProblem> problems) {
        boolean production = environment.path("production").asBoolean(false);
        Set<String> names = new HashSet<>();
        JsonNode receivers = environment.path("alerts").path("emailReceivers");
        for (int i = 0; i < receivers.size(); i++) {
            JsonNode receiver = receivers.get(i);
            String path = "$.alerts.emailReceivers[" + i + "]";
            String name = receiver.path("name").asText();
            if (!name.isEmpty() && !names.add(name)) {
                problems.add(new EnvironmentProblem(path + ".name", "'" + name + "' is used by another receiver.",
                        "give each receiver its own name."));
            }
            String address = receiver.path("emailAddress").asText();
            if (production && PlaceholderEmails.isPlaceholder(address)) {
                problems.add(new EnvironmentProblem(path + ".emailAddress", "'" + address + "' is a placeholder address,"
                        + " so nobody would receive the expiry alert in production.",
                        "use the mailbox of the team that owns the key rotation."));
            }
        }
    }
}
