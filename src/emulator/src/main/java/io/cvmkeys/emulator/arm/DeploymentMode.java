package io.cvmkeys.emulator.arm;

/** ARM deployment mode, which decides what happens to resources in the resource group but not in the template. */
public enum DeploymentMode {

    /** Resources outside the template stay; What-If reports them as {@code Ignore}. */
    INCREMENTAL,

    /** Resources outside the template are deleted; What-If reports them as {@code Delete}. */
    COMPLETE
}
