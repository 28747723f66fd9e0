package io.cvmkeys.modules;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.regex.Pattern;

/** Describes a JSON or YAML syntax error for users: line, column and the parser's reason, without its internals. */
public final class JsonSyntaxErrors {

    // Jackson appends where an unclosed array or object started, naming its own source settings, for example
    // " (for Array starting at [Source: REDACTED (...); line: 2, column: 16])".
    private static final Pattern PARSER_SOURCE = Pattern.compile("\\s*\\((?:for \\w+ starting|start marker) at \\[Source:.*$",
            Pattern.DOTALL);

    private JsonSyntaxErrors() {
    }

    /** Returns {@code line L, column C: reason}. */
    public static String describe(JsonProcessingException e) {
        String reason = PARSER_SOURCE.matcher(e.getOriginalMessage()).replaceFirst("");
        if (e.getLocation() == null) {
            return reason;
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + reason;
    }
}
