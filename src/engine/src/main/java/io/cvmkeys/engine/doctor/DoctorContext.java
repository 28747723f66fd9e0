package io.cvmkeys.engine.doctor;

import io.cvmkeys.modules.env.Environment;

import java.time.Instant;

/** Inputs of every check family: the expected environment, its resource ids, the live lookups and the time. */
record DoctorContext(Environment environment, StackResourceIds ids, LiveResources live, Instant now) {
}
