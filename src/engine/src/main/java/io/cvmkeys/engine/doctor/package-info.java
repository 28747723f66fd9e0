/**
 * Read-only live checks of a deployed key stack for scheduled runs. {@link io.cvmkeys.engine.doctor.Doctor} is the
 * entry; {@link io.cvmkeys.engine.doctor.DoctorText}, {@link io.cvmkeys.engine.doctor.DoctorMarkdown} and
 * {@link io.cvmkeys.engine.doctor.DoctorJson} render its report.
 *
 * <p>Check ids, with their severity:
 * <ul>
 *   <li>VAULT-001 vault missing or soft-deleted (error), 002 purge protection off (error), 003 soft delete off
 *       (error), 004 access policies instead of RBAC (error), 005 public network access (warning);</li>
 *   <li>KEY-001 key missing (error), 002 disabled (error), 003 no {@code exp} (error), 004 inside the notification
 *       window (warning), 005 seven days or less left (error), 006 expired (error), 007 no notify action (warning),
 *       008 automatic rotation (error), 009 notify trigger differs from the environment (warning), 010 not
 *       exportable (error), 011 no release policy (error);</li>
 *   <li>DES-001 Disk Encryption Set missing (error), 002 wrong encryption type (error), 003 versionless key URL
 *       (error), 004 another key (error), 005 its older key version missing or disabled (error), 006 automatic
 *       rotation (error), 007 {@code previousKeys} not empty (warning);</li>
 *   <li>ROLE-001 no Crypto Service Encryption User for the set's identity (error), 002 no Crypto Service Release User
 *       for the Confidential VM Orchestrator (error);</li>
 *   <li>HOST-001 VM not a Confidential VM with secure boot and vTPM (error), 002 OS disk not on the set with guest
 *       state encryption (error);</li>
 *   <li>ALERT-001 event subscription missing (error), 002 key events missing (error), 003 not CloudEvents (error),
 *       004 action group missing (error), 005 disabled (error), 006 placeholder or no receivers (error), 007 event
 *       subscription not alerting the environment's action group (error).</li>
 * </ul>
 */
package io.cvmkeys.engine.doctor;
