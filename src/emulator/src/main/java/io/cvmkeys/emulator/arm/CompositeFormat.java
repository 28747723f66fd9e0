package io.cvmkeys.emulator.arm;

/**
 * ARM's {@code format()}: .NET composite formatting with {@code {index}} and {@code {index,alignment}} items and
 * {@code {{}} / {@code }}} as escaped braces. Numeric format strings ({@code {0:N2}}) are rejected.
 */
final class CompositeFormat {

    private CompositeFormat() {
    }

    static String format(FunctionArguments arguments) {
        String pattern = arguments.string(0);
        StringBuilder result = new StringBuilder();
        int i = 0;

        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
                result.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                result.append('}');
                i += 2;
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw arguments.error("the format string '" + pattern + "' has a '{' at position " + i
                            + " without a closing '}'");
                }
                result.append(formatItem(arguments, pattern, pattern.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '}') {
                throw arguments.error("the format string '" + pattern + "' has a '}' at position " + i
                        + " without an opening '{'; write '}}' for a literal brace");
            } else {
                result.append(c);
                i++;
            }
        }
        return result.toString();
    }

    private static String formatItem(FunctionArguments arguments, String pattern, String item) {
        if (item.contains(":")) {
            throw arguments.error("the format item '{" + item + "}' uses a format string, which the cvmkeys"
                    + " emulator does not support; format the value before passing it");
        }

        String[] parts = item.split(",", 2);
        int index;
        int alignment = 0;
        try {
            index = Integer.parseInt(parts[0].trim());
            if (parts.length == 2) {
                alignment = Integer.parseInt(parts[1].trim());
            }
        } catch (NumberFormatException e) {
            throw arguments.error("the format item '{" + item + "}' in '" + pattern + "' is not of the form"
                    + " '{index}' or '{index,alignment}'");
        }
        if (index < 0 || index + 1 >= arguments.size()) {
            throw arguments.error("the format item '{" + item + "}' refers to argument " + index + " but only "
                    + (arguments.size() - 1) + " value(s) follow the format string");
        }

        String value = ArmValues.toText(arguments.get(index + 1));
        int padding = Math.abs(alignment) - value.length();
        if (padding <= 0) {
            return value;
        }
        return alignment > 0 ? " ".repeat(padding) + value : value + " ".repeat(padding);
    }
}
