package io.cvmkeys.engine.doctor;

import java.util.List;

/** One family of read-only checks. */
interface DoctorCheck {

    /** Reads the live state and returns a finding for each deviation; an empty list means healthy. */
    List<Finding> check(DoctorContext context);
}
