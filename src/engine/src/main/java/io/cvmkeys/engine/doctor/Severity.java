package io.cvmkeys.engine.doctor;

/** How urgent a finding is. */
public enum Severity {

    /** The stack is broken now, or breaks within days: hosts fail to start or stop. */
    ERROR,

    /** The stack works today, but a deadline or an alert needs attention. */
    WARNING
}
