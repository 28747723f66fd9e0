package io.cvmkeys.dsl.expr;

import io.cvmkeys.dsl.model.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A string built from literal text and expressions: {@code format(...)} in ARM, {@code '...${x}...'} in Bicep.
 * Adjacent literal parts are merged, and an interpolation of literals only becomes a {@link Literal}.
 */
public final class Interpolation implements Expr {

    private final List<Expr> parts;

    private Interpolation(List<Expr> parts) {
        this.parts = parts;
    }

    /** Joins the parts; each part is an {@link Expr} or a plain {@link String} of literal text. */
    public static Expr of(Object... parts) {
        List<Expr> merged = new ArrayList<>();
        StringBuilder pendingText = new StringBuilder();
        for (Object part : parts) {
            Expr expr = part instanceof Expr e ? e : Literal.of(String.valueOf(part));
            if (expr instanceof Interpolation nested) {
                // Splice a nested interpolation, so ARM gets one format() call instead of format() in format().
                Expr flattened = of(mergeWith(pendingText, merged, nested.parts));
                pendingText.setLength(0);
                merged.clear();
                if (flattened instanceof Interpolation whole) {
                    merged.addAll(whole.parts);
                } else {
                    pendingText.append(((Literal) flattened).value());
                }
                continue;
            }
            if (expr instanceof Literal literal && literal.value() != null) {
                pendingText.append(literal.value());
                continue;
            }
            if (pendingText.length() > 0) {
                merged.add(Literal.of(pendingText.toString()));
                pendingText.setLength(0);
            }
            merged.add(expr);
        }
        if (pendingText.length() > 0) {
            merged.add(Literal.of(pendingText.toString()));
        }
        if (merged.isEmpty()) {
            return Literal.of("");
        }
        if (merged.size() == 1 && merged.get(0) instanceof Literal) {
            return merged.get(0);
        }
        return new Interpolation(List.copyOf(merged));
    }

    private static Object[] mergeWith(StringBuilder pendingText, List<Expr> merged, List<Expr> nestedParts) {
        List<Object> all = new ArrayList<>(merged);
        if (pendingText.length() > 0) {
            all.add(pendingText.toString());
        }
        all.addAll(nestedParts);
        return all.toArray();
    }

    public List<Expr> parts() {
        return parts;
    }

    @Override
    public String toArmExpression() {
        StringBuilder formatString = new StringBuilder();
        List<String> arguments = new ArrayList<>();
        for (Expr part : parts) {
            if (part instanceof Literal literal) {
                // format() reads '{' and '}' as placeholders, so literal braces are doubled.
                formatString.append(String.valueOf(literal.value()).replace("{", "{{").replace("}", "}}"));
            } else {
                formatString.append('{').append(arguments.size()).append('}');
                arguments.add(part.toArmExpression());
            }
        }
        StringBuilder arm = new StringBuilder("format(")
                .append(Literal.of(formatString.toString()).toArmExpression());
        arguments.forEach(argument -> arm.append(", ").append(argument));
        return arm.append(')').toString();
    }

    @Override
    public String toBicep(int indent) {
        StringBuilder bicep = new StringBuilder("'");
        for (Expr part : parts) {
            if (part instanceof Literal literal) {
                bicep.append(BicepStrings.escape(String.valueOf(literal.value())));
            } else {
                bicep.append("${").append(part.toBicep(indent)).append('}');
            }
        }
        return bicep.append('\'').toString();
    }

    @Override
    public void collectReferences(Collection<Resource> references) {
        parts.forEach(part -> part.collectReferences(references));
    }
}
