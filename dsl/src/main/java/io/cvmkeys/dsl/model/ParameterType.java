package io.cvmkeys.dsl.model;

/** Type of a template parameter, with its ARM and Bicep spelling. */
public enum ParameterType {
    STRING("string", "string"),
    INT("int", "int"),
    BOOL("bool", "bool"),
    OBJECT("object", "object"),
    ARRAY("array", "array");

    private final String arm;
    private final String bicep;

    ParameterType(String arm, String bicep) {
        this.arm = arm;
        this.bicep = bicep;
    }

    /** ARM type name; a secure parameter uses {@code secureString} or {@code secureObject} instead. */
    public String armName(boolean secure) {
        if (!secure) {
            return arm;
        }
        return this == OBJECT ? "secureObject" : "secureString";
    }

    public String bicepName() {
        return bicep;
    }
}
