package io.cvmkeys.emulator.server;

import io.cvmkeys.emulator.Fault;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The faults injected into one emulator, in the order they were added. The first match applies. */
public final class FaultRegistry {
    private static final Logger LOGGER = LoggerFactory.getLogger(FaultRegistry.class);

    private final List<Fault> faults = new ArrayList<>();
    private final Set<Fault> spent = new HashSet<>();

    /** Adds a fault. It applies to requests that arrive from now on. */
    public synchronized FaultRegistry add(Fault fault) {
        faults.add(fault);
        LOGGER.info("Fault added: {}", fault);
        return this;
    }

    /** Removes every fault. */
    public synchronized void clear() {
        faults.clear();
        spent.clear();
    }

    /** Returns the first fault that applies to the request, marking a {@code FAIL_ONCE} fault as spent. */
    synchronized Fault match(ArmRequest request) {
        for (Fault fault : faults) {
            if (spent.contains(fault) || !fault.matches(request.method(), request.path(), request.operationName())) {
                continue;
            }
            if (fault.kind() == Fault.Kind.FAIL_ONCE) {
                spent.add(fault);
            }
            LOGGER.info("Fault {} applies to {} {} ({})", fault, request.method(), request.path(),
                request.operationName());
            return fault;
        }
        return null;
    }
}
