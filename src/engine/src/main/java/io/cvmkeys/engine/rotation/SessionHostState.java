package io.cvmkeys.engine.rotation;

/**
 * An AVD session host of a VM that uses the Disk Encryption Set.
 *
 * @param id              the session host's ARM id
 * @param vmId            the VM, from the session host's {@code resourceId}
 * @param allowNewSession whether the host accepts new sessions
 * @param sessions        number of user sessions on the host
 */
public record SessionHostState(String id, String vmId, boolean allowNewSession, int sessions) {
}
