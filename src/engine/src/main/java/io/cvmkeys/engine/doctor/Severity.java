package io.cvmkeys.engine.doctor;

/** Urgency of a finding. */
public enum Severity {

    /** The stack is broken now, or breaks within days: hosts fail to start or stop. */
    ERROR,

    /** The stack works today, but a deadline or an alert needs attention. */
    WARNING
}
