package io.cvmkeys.emulator;

import io.cvmkeys.emulator.deploy.DeploymentEngine;
import io.cvmkeys.emulator.deploy.ArmTemplateEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings for one {@link ArmEmulator}. Every setter returns this object, so options read as one chain:
 * <pre>{@code
 * ArmEmulatorOptions options = new ArmEmulatorOptions().clock(clock).pageSize(2).retryAfter(Duration.ZERO);
 * }</pre>
 */
public final class ArmEmulatorOptions {
    /** The tenant id the emulator reports when none is set. */
    public static final String DEFAULT_TENANT_ID = "72f988bf-0000-4000-8000-00000000e001";

    private int port;
    private Path stateDirectory;
    private Path fixture;
    private Clock clock = Clock.systemUTC();
    private IdCasing idCasing = IdCasing.ARM_MIXED;
    private int pageSize = 100;
    private Throttling throttling = Throttling.armDefaults();
    private Duration retryAfter = Duration.ofSeconds(1);
    private Duration operationDuration = Duration.ofSeconds(5);
    private Duration vmDeallocateDuration = Duration.ofSeconds(30);
    private Duration vmStartDuration = Duration.ofSeconds(45);
    private String tenantId = DEFAULT_TENANT_ID;
    private DeploymentEngine deploymentEngine = new ArmTemplateEngine();

    /** Sets the TCP port on 127.0.0.1. The default, 0, picks a free port. */
    public ArmEmulatorOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535, got " + port + ".");
        }
        this.port = port;
        return this;
    }

    /** Sets the folder where state is kept as JSON between runs. {@code null}, the default, keeps state in memory. */
    public ArmEmulatorOptions stateDirectory(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
        return this;
    }

    /** Sets a fixture file whose resources exist from the start (format in the module README). */
    public ArmEmulatorOptions fixture(Path fixture) {
        this.fixture = fixture;
        return this;
    }

    /** Sets the time source for operations, power transitions and throttling. Pass a {@link SimulatedClock} in tests. */
    public ArmEmulatorOptions clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Sets how resource ids are spelled in responses. The default is {@link IdCasing#ARM_MIXED}. */
    public ArmEmulatorOptions idCasing(IdCasing idCasing) {
        this.idCasing = Objects.requireNonNull(idCasing, "idCasing");
        return this;
    }

    /** Sets how many items a list response contains before it adds a {@code nextLink}. The default is 100. */
    public ArmEmulatorOptions pageSize(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("The page size must be at least 1, got " + pageSize + ".");
        }
        this.pageSize = pageSize;
        return this;
    }

    /** Sets the per-subscription throttling. The default is {@link Throttling#armDefaults()}. */
    public ArmEmulatorOptions throttling(Throttling throttling) {
        this.throttling = Objects.requireNonNull(throttling, "throttling");
        return this;
    }

    /**
     * Sets the {@code Retry-After} that long-running operations advertise while they run. The default is 1 second.
     * Tests that drive a {@link SimulatedClock} set {@link Duration#ZERO} so that SDK pollers do not sleep.
     */
    public ArmEmulatorOptions retryAfter(Duration retryAfter) {
        this.retryAfter = requireNotNegative(retryAfter, "retryAfter");
        return this;
    }

    /** Sets how long deployments, What-If, disk encryption set updates and resource group deletes run. Default 5 s. */
    public ArmEmulatorOptions operationDuration(Duration operationDuration) {
        this.operationDuration = requireNotNegative(operationDuration, "operationDuration");
        return this;
    }

    /** Sets how long a VM deallocation takes unless the fixture sets it for that VM. Default 30 s. */
    public ArmEmulatorOptions vmDeallocateDuration(Duration vmDeallocateDuration) {
        this.vmDeallocateDuration = requireNotNegative(vmDeallocateDuration, "vmDeallocateDuration");
        return this;
    }

    /** Sets how long a VM start takes unless the fixture sets it for that VM. Default 45 s. */
    public ArmEmulatorOptions vmStartDuration(Duration vmStartDuration) {
        this.vmStartDuration = requireNotNegative(vmStartDuration, "vmStartDuration");
        return this;
    }

    /** Sets the tenant id reported by identities, vaults and deployments. */
    public ArmEmulatorOptions tenantId(String tenantId) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        return this;
    }

    /** Sets the engine that expands deployment templates and computes What-If changes. */
    public ArmEmulatorOptions deploymentEngine(DeploymentEngine deploymentEngine) {
        this.deploymentEngine = Objects.requireNonNull(deploymentEngine, "deploymentEngine");
        return this;
    }

    public int port() {
        return port;
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    public Path fixture() {
        return fixture;
    }

    public Clock clock() {
        return clock;
    }

    public IdCasing idCasing() {
        return idCasing;
    }

    public int pageSize() {
        return pageSize;
    }

    public Throttling throttling() {
        return throttling;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Duration operationDuration() {
        return operationDuration;
    }

    public Duration vmDeallocateDuration() {
        return vmDeallocateDuration;
    }

    public Duration vmStartDuration() {
        return vmStartDuration;
    }

    public String tenantId() {
        return tenantId;
    }

    public DeploymentEngine deploymentEngine() {
        return deploymentEngine;
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + duration + ".");
        }
        return duration;
    }
}
