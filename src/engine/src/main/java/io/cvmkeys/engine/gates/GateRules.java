package io.cvmkeys.engine.gates;

/** Rule ids of the gates, as they appear in findings. */
public final class GateRules {

    public static final String POLICY = "CVMKEYS-GATE-POLICY";
    public static final String PROTECTED_DELETE = "CVMKEYS-GATE-DELETE";
    public static final String RETENTION_CHANGE = "CVMKEYS-GATE-RETENTION";
    public static final String ACTIVE_KEY_IN_USE = "CVMKEYS-GATE-ACTIVE-KEY";
    public static final String DELETED_VAULT = "CVMKEYS-PREFLIGHT-DELETED-VAULT";
    public static final String SYSTEM_TOPIC_EXISTS = "CVMKEYS-PREFLIGHT-SYSTEM-TOPIC";
    public static final String KEY_DIFFERS = "CVMKEYS-PREFLIGHT-KEY";
    public static final String ROLE_ASSIGNMENT_EXISTS = "CVMKEYS-PREFLIGHT-ROLE-ASSIGNMENT";

    private GateRules() {
    }
}
