package io.cvmkeys.emulator.arm;

/**
 * Raised during a What-If preview by {@code reference()} of a template resource whose state is only known after
 * the deployment. The evaluator catches it at the enclosing JSON string and keeps that string unevaluated, which
 * is how ARM's What-If shows such values.
 */
final class UnresolvedReferenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnresolvedReferenceException(String resourceId) {
        super("The state of '" + resourceId + "' is known only after the deployment", null, false, false);
    }
}
