package io.cvmkeys.engine.doctor;

import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.ArmRest;
import io.cvmkeys.modules.env.Environment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Read-only live checks of one environment's deployed key stack, for scheduled runs: the vault, the key and its
 * expiry, the Disk Encryption Set, the role assignments, the session hosts and the expiry alerting. It only sends
 * GET requests.
 *
 * <pre>{@code
 * DoctorReport report = new Doctor(AzureClients.connect(target), Clock.systemUTC()).examine(environment);
 * System.out.print(new DoctorText().render(report));
 * }</pre>
 */
public final class Doctor {

    private static final List<DoctorCheck> CHECKS = List.of(new VaultChecks(), new KeyChecks(), new KeyExpiryChecks(),
            new DiskEncryptionSetChecks(), new RoleAssignmentChecks(), new SessionHostChecks(), new AlertChecks());

    private final ArmRest rest;
    private final String subscriptionId;
    private final Clock clock;

    /** Creates a doctor that reads through {@code clients} and measures expiry from {@code clock}. */
    public Doctor(AzureClients clients, Clock clock) {
        this(clients.rest(), clients.subscriptionId(), clock);
    }

    Doctor(ArmRest rest, String subscriptionId, Clock clock) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs every check against the live resources of {@code environment}.
     *
     * @throws io.cvmkeys.engine.azure.ArmOperationException when ARM returns an error other than 404 for a read,
     *                                                       such as 403 when the identity lacks Reader
     */
    public DoctorReport examine(Environment environment) {
        Instant now = clock.instant();
        DoctorContext context = new DoctorContext(environment, StackResourceIds.of(environment, subscriptionId),
                new LiveResources(rest), now);
        List<Finding> findings = new ArrayList<>();
        for (DoctorCheck check : CHECKS) {
            findings.addAll(check.check(context));
        }
        return new DoctorReport(environment.name(), subscriptionId, now, findings);
    }
}
