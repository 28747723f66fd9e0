package io.cvmkeys.engine.doctor;

/** The overall result of a doctor run. */
public enum DoctorStatus {
    HEALTHY,
    WARNINGS,
    ERRORS
}
