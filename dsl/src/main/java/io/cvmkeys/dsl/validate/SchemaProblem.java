package io.cvmkeys.dsl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

/**
 * One reduced schema violation, relative to the validated instance.
 *
 * @param keyword          the failed schema keyword, for example {@code enum}, {@code type} or {@code required}
 * @param location         JSON path inside the validated instance, starting with {@code $}
 * @param value            the value that failed, or null when the validator gave none
 * @param schemaValue      the keyword's value in the schema, for example the enum array
 * @param arguments        the validator's message arguments, for example found and expected type
 * @param property         the property name for {@code required}, otherwise null
 * @param validatorMessage the validator's own text, used for keywords without a tailored sentence
 */
record SchemaProblem(String keyword, String location, JsonNode value, JsonNode schemaValue, Object[] arguments,
                     String property, String validatorMessage) {

    static SchemaProblem of(ValidationMessage message) {
        return new SchemaProblem(message.getType(), message.getInstanceLocation().toString(),
                message.getInstanceNode(), message.getSchemaNode(), message.getArguments(),
                message.getProperty(), message.getMessage());
    }

    /** Keyword of a merged problem: none of the union's alternatives' required properties is present. */
    static final String REQUIRED_ONE_OF = "required-one-of";

    /** Returns a copy that reports {@code properties} as alternatives, of which one is required. */
    SchemaProblem withRequiredOneOf(JsonNode properties) {
        return new SchemaProblem(REQUIRED_ONE_OF, location, value, properties, arguments, property, validatorMessage);
    }

    /** Returns a copy that reports {@code allowed} as the enum values. */
    SchemaProblem withAllowedValues(JsonNode allowed) {
        return new SchemaProblem(keyword, location, value, allowed, arguments, property, validatorMessage);
    }
}
