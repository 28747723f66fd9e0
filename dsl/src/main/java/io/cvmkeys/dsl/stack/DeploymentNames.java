package io.cvmkeys.dsl.stack;

/** Deterministic ARM deployment names, so a re-run finds the deployment of the previous run. */
public final class DeploymentNames {

    private DeploymentNames() {
    }

    /** {@code cvmkeys-<stack>-<environment>-<stage>}, cut to ARM's 64-character limit. */
    public static String of(Stack stack, Stage stage) {
        String name = "cvmkeys-" + stack.name() + "-" + stack.environment() + "-" + stage.name();
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
