package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts the raw messages of one validation down to the ones that point at the real mistake.
 *
 * <p>Nearly every ARM schema property is {@code oneOf[realSchema, expression]}, so a single wrong value produces
 * a message from each branch plus one {@code oneOf} message for every enclosing level. The reduction:
 * <ol>
 *   <li>drops messages produced inside the ARM expression definition, because a literal value is never meant to
 *       be an expression, and messages about a value that is itself an ARM expression, because its type and
 *       value are only known at deployment;</li>
 *   <li>where a {@code oneOf}/{@code anyOf} has several real branches (a discriminated union such as an Event
 *       Grid destination), keeps only the branch that fits best: one whose single-value enum (the discriminator)
 *       matched, then the one with the fewest messages. When no branch's discriminator matched, only the
 *       discriminator is reported, with the values of all branches as the allowed values. When each branch
 *       only requires a different property, one message lists them all;</li>
 *   <li>drops {@code oneOf}/{@code anyOf}/{@code allOf} summary messages when a more specific message remains
 *       at the same or a deeper instance location;</li>
 *   <li>removes duplicates of the same text at the same location.</li>
 * </ol>
 */
final class SchemaMessageReducer {

    private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf", "allOf");
    private static final Pattern BRANCH = Pattern.compile("\\.(?:oneOf|anyOf)\\[(\\d+)]");

    private SchemaMessageReducer() {
    }

    static List<SchemaProblem> reduce(Set<ValidationMessage> raw) {
        List<ValidationMessage> leaves = new ArrayList<>();
        List<ValidationMessage> summaries = new ArrayList<>();
        for (ValidationMessage message : raw) {
            if (isFromExpressionBranch(message) || ArmExpressions.isExpression(message.getInstanceNode())) {
                continue;
            }
            if (COMBINATORS.contains(message.getType())) {
                summaries.add(message);
            } else {
                leaves.add(message);
            }
        }

        Map<ValidationMessage, JsonNode> mergedDiscriminators = new HashMap<>();
        Map<ValidationMessage, JsonNode> mergedRequired = new HashMap<>();
        leaves = keepBestBranches(leaves, unionLocations(raw), mergedDiscriminators, mergedRequired);

        List<ValidationMessage> kept = new ArrayList<>(leaves);
        for (ValidationMessage summary : summaries) {
            String location = summary.getInstanceLocation().toString();
            boolean explained = leaves.stream()
                    .anyMatch(leaf -> isSameOrBelow(leaf.getInstanceLocation().toString(), location));
            if (!explained) {
                kept.add(summary);
            }
        }

        Map<String, SchemaProblem> unique = new LinkedHashMap<>();
        kept.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .forEach(m -> {
                    SchemaProblem problem = SchemaProblem.of(m);
                    if (mergedDiscriminators.containsKey(m)) {
                        problem = problem.withAllowedValues(mergedDiscriminators.get(m));
                    } else if (mergedRequired.containsKey(m)) {
                        problem = problem.withRequiredOneOf(mergedRequired.get(m));
                    }
                    unique.putIfAbsent(m.getInstanceLocation() + "\n" + m.getMessage(), problem);
                });
        return List.copyOf(unique.values());
    }

    private static boolean isFromExpressionBranch(ValidationMessage message) {
        String schemaLocation = String.valueOf(message.getSchemaLocation());
        return schemaLocation.startsWith(ArmSchemaSource.EXPRESSION_DEFINITION)
                || schemaLocation.startsWith(ArmSchemaSource.EXPRESSION_DEFINITION.replace("https://", "http://"));
    }

    /** Resolves the outermost union with messages from several branches first, then repeats for inner ones. */
    /**
     * Maps the evaluation path of each failed union to the instance locations it failed at. One union in the
     * schema can be applied to many values, for example to every parameter through {@code additionalProperties}.
     */
    private static Map<String, List<String>> unionLocations(Set<ValidationMessage> raw) {
        Map<String, List<String>> locations = new HashMap<>();
        for (ValidationMessage message : raw) {
            if ("oneOf".equals(message.getType()) || "anyOf".equals(message.getType())) {
                locations.computeIfAbsent(message.getEvaluationPath().toString(), p -> new ArrayList<>())
                        .add(message.getInstanceLocation().toString());
            }
        }
        return locations;
    }

    /** Identifies one application of a union: its evaluation path and the deepest instance location that fits. */
    private static String unionKey(String unionPath, String leafLocation, Map<String, List<String>> unionLocations) {
        String applied = "";
        for (String location : unionLocations.getOrDefault(unionPath, List.of())) {
            if (isSameOrBelow(leafLocation, location) && location.length() > applied.length()) {
                applied = location;
            }
        }
        return unionPath + " at " + applied;
    }

    private static List<ValidationMessage> keepBestBranches(List<ValidationMessage> messages,
                                                            Map<String, List<String>> unionLocations,
                                                            Map<ValidationMessage, JsonNode> mergedDiscriminators,
                                                            Map<ValidationMessage, JsonNode> mergedRequired) {
        List<ValidationMessage> remaining = new ArrayList<>(messages);
        while (true) {
            Map<String, Map<Integer, List<ValidationMessage>>> byUnion = new TreeMap<>(
                    Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
            for (ValidationMessage message : remaining) {
                String evaluationPath = message.getEvaluationPath().toString();
                Matcher branch = BRANCH.matcher(evaluationPath);
                while (branch.find()) {
                    String union = unionKey(evaluationPath.substring(0, branch.start(1) - 1),
                            message.getInstanceLocation().toString(), unionLocations);
                    byUnion.computeIfAbsent(union, u -> new TreeMap<>())
                            .computeIfAbsent(Integer.parseInt(branch.group(1)), b -> new ArrayList<>())
                            .add(message);
                }
            }

            Map.Entry<String, Map<Integer, List<ValidationMessage>>> contested = byUnion.entrySet().stream()
                    .filter(entry -> entry.getValue().size() > 1)
                    .findFirst()
                    .orElse(null);
            if (contested == null) {
                return remaining;
            }

            List<ValidationMessage> best = contested.getValue().values().stream()
                    .min(Comparator.comparingInt((List<ValidationMessage> branch) -> discriminatorMismatches(branch))
                            .thenComparingInt(List::size))
                    .orElseThrow();
            for (List<ValidationMessage> branch : contested.getValue().values()) {
                if (branch != best) {
                    remaining.removeAll(branch);
                }
            }

            if (discriminatorMismatches(best) > 0) {
                keepOnlyDiscriminator(contested.getValue().values(), best, remaining, mergedDiscriminators);
            } else if (isRequiredOneOf(contested.getValue().values())) {
                ArrayNode properties = JsonNodeFactory.instance.arrayNode();
                contested.getValue().values().forEach(branch -> properties.add(branch.get(0).getProperty()));
                mergedRequired.put(best.get(0), properties);
            }
        }
    }

    /** Returns true for a union like {@code oneOf[required [value], required [reference]]} where each branch failed. */
    private static boolean isRequiredOneOf(Iterable<List<ValidationMessage>> branches) {
        String location = null;
        for (List<ValidationMessage> branch : branches) {
            if (branch.size() != 1 || !"required".equals(branch.get(0).getType())) {
                return false;
            }
            String branchLocation = branch.get(0).getInstanceLocation().toString();
            if (location != null && !location.equals(branchLocation)) {
                return false;
            }
            location = branchLocation;
        }
        return true;
    }

    /**
     * Reduces a union in which no branch's discriminator matched to that one discriminator message, allowing the
     * discriminator values of every branch. The other messages of the kept branch describe a kind that was never
     * chosen, so they are dropped.
     */
    private static void keepOnlyDiscriminator(Iterable<List<ValidationMessage>> branches, List<ValidationMessage> best,
                                              List<ValidationMessage> remaining,
                                              Map<ValidationMessage, JsonNode> mergedDiscriminators) {
        ValidationMessage discriminator = best.stream()
                .filter(SchemaMessageReducer::isDiscriminatorMismatch)
                .findFirst()
                .orElseThrow();
        String location = discriminator.getInstanceLocation().toString();

        ArrayNode allowed = JsonNodeFactory.instance.arrayNode();
        for (List<ValidationMessage> branch : branches) {
            branch.stream()
                    .filter(m -> isDiscriminatorMismatch(m) && m.getInstanceLocation().toString().equals(location))
                    .forEach(m -> m.getSchemaNode().forEach(value -> {
                        if (!contains(allowed, value)) {
                            allowed.add(value);
                        }
                    }));
        }

        for (ValidationMessage message : best) {
            if (message != discriminator) {
                remaining.remove(message);
            }
        }
        mergedDiscriminators.put(discriminator, allowed);
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Counts failed enums with a single allowed value: in a union they mark a branch for another kind. */
    private static int discriminatorMismatches(List<ValidationMessage> branch) {
        return (int) branch.stream().filter(SchemaMessageReducer::isDiscriminatorMismatch).count();
    }

    private static boolean isDiscriminatorMismatch(ValidationMessage message) {
        JsonNode schemaNode = message.getSchemaNode();
        return "enum".equals(message.getType()) && schemaNode != null && schemaNode.isArray() && schemaNode.size() == 1;
    }

    private static boolean isSameOrBelow(String location, String ancestor) {
        return location.equals(ancestor)
                || location.startsWith(ancestor + ".")
                || location.startsWith(ancestor + "[");
    }
}
