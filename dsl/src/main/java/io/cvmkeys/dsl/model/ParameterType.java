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

    /**
     * ARM type name; a secure parameter uses {@code securestring} or {@code secureObject} instead, spelled as the
     * 2019-04-01 template schema's enum spells them (ARM itself ignores case).
     */
    public String armName(boolean secure) {
        if (!secure) {
            return arm;
        }
        return this == OBJECT ? "secureObject" : "securestring";
    }

    public String bicepName() {
        return bicep;
    }
}
