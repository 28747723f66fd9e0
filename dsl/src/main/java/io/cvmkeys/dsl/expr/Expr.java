package io.cvmkeys.dsl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cvmkeys.dsl.model.Resource;

import java.util.Collection;

/**
 * A value in a template: a literal, an object or array, or an expression that ARM evaluates at deploy time.
 *
 * <p>One tree renders to both languages: {@link #toArmExpression()} gives ARM expression syntax and
 * {@link #toBicep(int)} gives Bicep. Expressions that point at another resource report it through
 * {@link #collectReferences(Collection)}, which is how the ARM writer infers {@code dependsOn}.
 */
public interface Expr {

    /** Renders the expression in ARM syntax without the surrounding brackets, for example {@code parameters('x')}. */
    String toArmExpression();

    /**
     * Renders the expression in Bicep syntax.
     *
     * @param indent the indentation level of the line the expression starts on, used by multi-line objects and arrays
     */
    String toBicep(int indent);

    /** Renders the value as it stands in an ARM JSON template: a JSON literal, or a string {@code "[expression]"}. */
    default JsonNode toArmJson() {
        return TextNode.valueOf("[" + toArmExpression() + "]");
    }

    /** Adds the resources this expression references, so that the ARM writer can add them to {@code dependsOn}. */
    default void collectReferences(Collection<Resource> references) {
    }

    /** Returns true when the value is known without deploying, so build-time checks can inspect it. */
    default boolean isLiteral() {
        return false;
    }

    /** Returns a reference to the property {@code name} of this value, for example {@code tenant().tenantId}. */
    default Expr property(String name) {
        return new PropertyAccess(this, name);
    }
}
