package io.cvmkeys.dsl.expr;

import java.util.List;

/** Factories for the expressions templates use most. */
public final class Exprs {

    private Exprs() {
    }

    public static Literal str(String value) {
        return Literal.of(value);
    }

    public static Literal num(long value) {
        return Literal.of(value);
    }

    public static Literal bool(boolean value) {
        return Literal.of(value);
    }

    /** A string of literal text and expressions, for example {@code interpolate("kv-", name, "-001")}. */
    public static Expr interpolate(Object... parts) {
        return Interpolation.of(parts);
    }

    public static FunctionCall call(String function, Expr... arguments) {
        return new FunctionCall(function, List.of(arguments));
    }

    /** A deterministic GUID from the arguments, the usual name of a role assignment. */
    public static FunctionCall guid(Expr... arguments) {
        return call("guid", arguments);
    }

    public static FunctionCall format(String formatString, Expr... arguments) {
        Expr[] all = new Expr[arguments.length + 1];
        all[0] = Literal.of(formatString);
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return call("format", all);
    }

    /** The id of a resource of this resource group by type and name segments. */
    public static FunctionCall resourceId(String type, Expr... names) {
        return call("resourceId", prepend(Literal.of(type), names));
    }

    /** The id of a subscription-level resource, such as a role definition. */
    public static FunctionCall subscriptionResourceId(String type, Expr... names) {
        return call("subscriptionResourceId", prepend(Literal.of(type), names));
    }

    public static FunctionCall empty(Expr value) {
        return call("empty", value);
    }

    public static FunctionCall length(Expr value) {
        return call("length", value);
    }

    /** {@code tenant()}; its {@code tenantId} is the usual value of a vault's {@code tenantId}. */
    public static FunctionCall tenant() {
        return call("tenant");
    }

    public static FunctionCall subscription() {
        return call("subscription");
    }

    public static FunctionCall resourceGroup() {
        return call("resourceGroup");
    }

    private static Expr[] prepend(Expr first, Expr[] rest) {
        Expr[] all = new Expr[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
