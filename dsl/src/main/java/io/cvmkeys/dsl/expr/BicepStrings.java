package io.cvmkeys.dsl.expr;

import java.util.Set;
import java.util.regex.Pattern;

/** Escaping and naming rules of the Bicep language. */
public final class BicepStrings {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    // Keywords that cannot be used as symbolic names (Bicep language reference, "Reserved words").
    private static final Set<String> KEYWORDS = Set.of(
            "metadata", "targetScope", "resource", "module", "param", "var", "output", "existing",
            "if", "for", "in", "true", "false", "null", "import", "type", "func", "using", "extension",
            "with", "as", "assert");

    private BicepStrings() {
    }

    /** Escapes the content of a single-quoted Bicep string: backslash, quote, {@code ${} and control characters. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\'' -> escaped.append("\\'");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '$' -> escaped.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Returns true when {@code name} can be written unquoted as a property name or a symbol. */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** Returns true when {@code name} is a valid symbolic name: an identifier that is not a keyword. */
    public static boolean isValidSymbol(String name) {
        return isIdentifier(name) && !KEYWORDS.contains(name);
    }

    /** Renders an object key: bare when it is an identifier, quoted otherwise. */
    public static String propertyKey(String key) {
        return isIdentifier(key) ? key : "'" + escape(key) + "'";
    }

    /** Returns the indentation for a level (two spaces each, as {@code bicep format} writes). */
    public static String indent(int level) {
        return "  ".repeat(level);
    }
}
