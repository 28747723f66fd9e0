package io.cvmkeys.engine.doctor;

import java.util.Objects;

/**
 * One result of a live check.
 *
 * @param id         stable check id such as {@code DOCTOR-KEY-002}
 * @param severity   how urgent it is
 * @param resourceId the ARM id of the resource checked
 * @param message    what is wrong, with the observed value
 * @param fix        what to do about it
 * @param impact     what the session hosts suffer when access to the key is revoked, or null for other findings
 */
public record Finding(String id, Severity severity, String resourceId, String message, String fix, String impact) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    static Finding error(String id, String resourceId, String message, String fix) {
        return new Finding(id, Severity.ERROR, resourceId, message, fix, null);
    }

    static Finding warning(String id, String resourceId, String message, String fix) {
        return new Finding(id, Severity.WARNING, resourceId, message, fix, null);
    }

    /** Returns a copy that also states the revocation impact. */
    Finding withImpact(String revocationImpact) {
        return new Finding(id, severity, resourceId, message, fix, revocationImpact);
    }
}
