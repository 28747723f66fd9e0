package io.cvmkeys.dsl.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cvmkeys.dsl.policy.JsonPaths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matchers for partial comparison of template JSON, in the manner of AWS CDK's {@code Match}.
 *
 * <p>Expected values given as plain Java objects are converted by {@link #of(Object)}: a {@link Map} or JSON object
 * matches as a subset ({@link #objectLike(Map)}), a {@link List}, array or JSON array must match element by element
 * ({@link #arrayEquals(List)}), and anything else must be equal. Numbers compare by value, so {@code 3072} equals
 * {@code 3072L}.
 */
public final class Match {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Match() {
    }

    /** Matches any present value except JSON null. */
    public static JsonMatcher anyValue() {
        return matcher("be present", (actual, path) -> actual == null || actual.isNull()
                ? List.of(new Mismatch(path, "be present", render(actual)))
                : List.of());
    }

    /** Matches when the property is absent. */
    public static JsonMatcher absent() {
        return matcher("be absent", (actual, path) -> actual == null || actual.isMissingNode()
                ? List.of()
                : List.of(new Mismatch(path, "be absent", render(actual))));
    }

    /** Matches a value equal to {@code expected}, objects included (no subset matching). */
    public static JsonMatcher exact(Object expected) {
        return new ExactMatcher(toNode(expected));
    }

    /** Matches a text equal to {@code expected} ignoring case, as Azure compares most enum values. */
    public static JsonMatcher equalsIgnoringCase(String expected) {
        String expectation = "be \"" + expected + "\" ignoring case";
        return matcher(expectation, (actual, path) -> actual != null && actual.isTextual() && actual.textValue().equalsIgnoreCase(expected)
                ? List.of()
                : List.of(new Mismatch(path, expectation, render(actual))));
    }

    /** Matches a text that the regular expression matches as a whole. */
    public static JsonMatcher stringLikeRegexp(String regex) {
        Pattern pattern = Pattern.compile(regex);
        String expectation = "match /" + regex + "/";
        return matcher(expectation, (actual, path) -> actual != null && actual.isTextual() && pattern.matcher(actual.textValue()).matches()
                ? List.of()
                : List.of(new Mismatch(path, expectation, render(actual))));
    }

    /** Matches an object that has at least these properties, each matching its expected value. */
    public static JsonMatcher objectLike(Map<String, ?> expected) {
        Map<String, JsonMatcher> properties = new LinkedHashMap<>();
        expected.forEach((name, value) -> properties.put(name, of(value)));
        return new ObjectMatcher(properties, false);
    }

    /** Matches an object with exactly these properties, each matching its expected value. */
    public static JsonMatcher objectEquals(Map<String, ?> expected) {
        Map<String, JsonMatcher> properties = new LinkedHashMap<>();
        expected.forEach((name, value) -> properties.put(name, of(value)));
        return new ObjectMatcher(properties, true);
    }

    /** Matches an array with exactly these elements in this order, each matching its expected value. */
    public static JsonMatcher arrayEquals(List<?> expected) {
        List<JsonMatcher> elements = expected.stream().map(Match::of).toList();
        return new ArrayMatcher(elements, false);
    }

    /** Matches an array that contains these elements in this order, possibly with other elements between them. */
    public static JsonMatcher arrayWith(Object... expected) {
        List<JsonMatcher> elements = Arrays.stream(expected).map(Match::of).toList();
        return new ArrayMatcher(elements, true);
    }

    /** Matches anything that {@code matcher} (or the value it converts from) does not match. */
    public static JsonMatcher not(Object expected) {
        JsonMatcher inner = of(expected);
        String expectation = "not " + inner.expectation();
        return matcher(expectation, (actual, path) -> inner.matches(actual)
                ? List.of(new Mismatch(path, expectation, render(actual)))
                : List.of());
    }

    /** Converts an expected value into a matcher, as described in the class documentation. */
    public static JsonMatcher of(Object expected) {
        if (expected instanceof JsonMatcher matcher) {
            return matcher;
        }
        if (expected instanceof Map<?, ?> map) {
            Map<String, Object> properties = new LinkedHashMap<>();
            map.forEach((name, value) -> properties.put(String.valueOf(name), value));
            return objectLike(properties);
        }
        if (expected instanceof List<?> list) {
            return arrayEquals(list);
        }
        if (expected instanceof Object[] array) {
            return arrayEquals(Arrays.asList(array));
        }
        if (expected instanceof JsonNode node && node.isObject()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> properties.put(field.getKey(), field.getValue()));
            return objectLike(properties);
        }
        if (expected instanceof JsonNode node && node.isArray()) {
            List<Object> elements = new ArrayList<>();
            node.forEach(elements::add);
            return arrayEquals(elements);
        }
        return exact(expected);
    }

    /** Renders a value for a message: JSON text, or {@code absent}. */
    static String render(JsonNode node) {
        return node == null || node.isMissingNode() ? "absent" : node.toString();
    }

    private static JsonNode toNode(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }

    /** Compares JSON values, numbers by value (3072 equals 3072.0 and 3072L). */
    static boolean jsonEquals(JsonNode expected, JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!jsonEquals(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!jsonEquals(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }

    private interface Check {
        List<Mismatch> apply(JsonNode actual, String path);
    }

    private static JsonMatcher matcher(String expectation, Check check) {
        return new JsonMatcher() {
            @Override
            public List<Mismatch> mismatches(JsonNode actual, String path) {
                return check.apply(actual, path);
            }

            @Override
            public String expectation() {
                return expectation;
            }

            @Override
            public String toString() {
                return expectation;
            }
        };
    }

    private record ObjectMatcher(Map<String, JsonMatcher> properties, boolean exact) implements JsonMatcher {

        @Override
        public List<Mismatch> mismatches(JsonNode actual, String path) {
            if (actual == null || !actual.isObject()) {
                return List.of(new Mismatch(path, expectation(), render(actual)));
            }
            List<Mismatch> mismatches = new ArrayList<>();
            properties.forEach((name, matcher) -> mismatches.addAll(matcher.mismatches(actual.get(name), JsonPaths.append(path, name))));
            if (exact) {
                actual.fieldNames().forEachRemaining(name -> {
                    if (!properties.containsKey(name)) {
                        mismatches.add(new Mismatch(JsonPaths.append(path, name), "be absent", render(actual.get(name))));
                    }
                });
            }
            return mismatches;
        }

        @Override
        public String expectation() {
            return (exact ? "be an object with exactly " : "be an object with ") + properties.keySet();
        }
    }

    private record ArrayMatcher(List<JsonMatcher> elements, boolean subsequence) implements JsonMatcher {

        @Override
        public List<Mismatch> mismatches(JsonNode actual, String path) {
            if (actual == null || !actual.isArray()) {
                return List.of(new Mismatch(path, expectation(), render(actual)));
            }
            if (subsequence) {
                return containsInOrder(actual) ? List.of() : List.of(new Mismatch(path, expectation(), render(actual)));
            }
            if (actual.size() != elements.size()) {
                return List.of(new Mismatch(path, expectation(), render(actual)));
            }
            List<Mismatch> mismatches = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                mismatches.addAll(elements.get(i).mismatches(actual.get(i), path + "[" + i + "]"));
            }
            return mismatches;
        }

        private boolean containsInOrder(JsonNode actual) {
            int next = 0;
            for (JsonNode element : actual) {
                if (next < elements.size() && elements.get(next).matches(element)) {
                    next++;
                }
            }
            return next == elements.size();
        }

        @Override
        public String expectation() {
            String expected = "[" + String.join(",", elements.stream().map(ArrayMatcher::describeElement).toList()) + "]";
            return subsequence ? "contain " + expected + " in this order" : "be " + expected;
        }

        private static String describeElement(JsonMatcher element) {
            return element instanceof ExactMatcher exactMatcher ? render(exactMatcher.expected()) : "<" + element.expectation() + ">";
        }
    }

    private record ExactMatcher(JsonNode expected) implements JsonMatcher {

        @Override
        public List<Mismatch> mismatches(JsonNode actual, String path) {
            return jsonEquals(expected, actual) ? List.of() : List.of(new Mismatch(path, expectation(), render(actual)));
        }

        @Override
        public String expectation() {
            return "be " + render(expected);
        }
    }
}
