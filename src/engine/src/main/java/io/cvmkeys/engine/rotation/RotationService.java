package io.cvmkeys.engine.rotation;

import com.azure.core.credential.TokenCredential;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import io.cvmkeys.engine.azure.AzureClients;
import io.cvmkeys.engine.azure.Credentials;
import io.cvmkeys.engine.azure.SignInRequiredException;

import java.io.PrintWriter;
import java.net.URI;

/**
 * The rotation as the CLI and the Maven plugin run it: connect, discover, show the plan, ask for approval, rotate or
 * resume, and print the report. Returns the exit code: 0 done, 1 failed (the report shows whether the pool was
 * restored), 2 invalid input, 3 approval needed.
 */
public final class RotationService {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int APPROVAL_NEEDED = 3;

    private final RotationClock clock;

    public RotationService() {
        this(RotationClock.system());
    }

    public RotationService(RotationClock clock) {
        this.clock = clock;
    }

    public int run(RotationRequest request, PrintWriter out, PrintWriter err) {
        try {
            AzureClients clients = AzureClients.connect(request.target());
            RotationArm arm = RotationArm.of(clients);
            RotationTarget target = RotationTarget.of(request.environment(), clients.subscriptionId());
            KeyVersionCreator keys = keyVersionCreator(request, arm, target);
            RotationListener listener = request.json() ? RotationListener.jsonLines(out) : RotationListener.text(out);
            KeyRotation rotation = new KeyRotation(arm, keys, clock, request.options(), listener,
                    new JournalStore(request.journalDirectory()));

            if (request.resume() != null) {
                if (!request.approved()) {
                    err.println("Resuming " + request.resume() + " changes Azure. Run again with --yes to resume.");
                    return APPROVAL_NEEDED;
                }
                return print(rotation.resume(request.resume()), request.json(), out);
            }

            RotationPlan plan = rotation.plan(target);
            out.println(request.json() ? plan.toJsonLine() : plan.toText());
            out.flush();
            if (request.dryRun()) {
                return OK;
            }
            if (!request.approved()) {
                err.println("The rotation deallocates the VMs above. Review the plan and run again with --yes to rotate.");
                return APPROVAL_NEEDED;
            }
            return print(rotation.rotate(target), request.json(), out);
        } catch (RotationInputException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        } catch (SignInRequiredException e) {
            err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        } catch (RuntimeException e) {
            err.println("error: the rotation failed before its first change: " + e.getMessage());
            return FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int print(RotationReport report, boolean json, PrintWriter out) {
        out.println(json ? report.toJsonLine() : report.toText());
        return report.status() == RotationJournal.Status.SUCCEEDED ? OK : FAILED;
    }

    /**
     * Chooses the key version creator: the emulator's, or the data plane of the host in the set's versioned key URL,
     * a Managed HSM ({@code *.managedhsm.azure.net}) or a vault.
     */
    private static KeyVersionCreator keyVersionCreator(RotationRequest request, RotationArm arm, RotationTarget target) {
        if (request.target().isEmulator()) {
            return new EmulatorKeyVersionCreator(arm, target.keyId(), request.emulatorKeys());
        }
        String keyUrl = new RotationDiscovery(arm, new PowerStateReader(arm)).discover(target).activeKeyUrl();
        URI uri = URI.create(keyUrl);
        String keyName = uri.getPath().split("/")[2];
        String vaultUrl = uri.getScheme() + "://" + uri.getHost();
        // NOTE: the Key Vault and Managed HSM paths have run against no real vault: tests reach only the emulator.
        TokenCredential credential = Credentials.create(request.target().credentialSource(), request.target().tenantId());
        KeyClient client = new KeyClientBuilder().vaultUrl(vaultUrl).credential(credential).buildClient();
        return uri.getHost().endsWith(".managedhsm.azure.net")
                ? new ManagedHsmKeyVersionCreator(client, keyName)
                : new KeyVaultKeyVersionCreator(client, keyName);
    }
}
