package io.cvmkeys.dsl.resources;

/** Kind of principal a role is assigned to, spelled as ARM expects it. */
public enum PrincipalType {
    SERVICE_PRINCIPAL("ServicePrincipal"),
    USER("User"),
    GROUP("Group"),
    FOREIGN_GROUP("ForeignGroup"),
    DEVICE("Device");

    private final String value;

    PrincipalType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
