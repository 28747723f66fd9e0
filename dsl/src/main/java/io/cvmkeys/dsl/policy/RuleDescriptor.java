package io.cvmkeys.dsl.policy;

import io.cvmkeys.dsl.validate.Severity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of one policy rule.
 *
 * <p>A violation of the rule is reported at {@code severity}. When the value a rule needs is an expression that is
 * only known at deployment time, the rule reports an {@link Severity#INFO} finding with the same id instead.
 *
 * @param id       stable identifier {@code CVMKEYS-<AREA>-<NNN>}, for example {@code CVMKEYS-KV-006}
 * @param severity level of a violation
 * @param title    what the rule requires, as a short sentence
 */
public record RuleDescriptor(String id, Severity severity, String title) {

    private static final Pattern ID = Pattern.compile("CVMKEYS-[A-Z]+-\\d{3}");

    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Invalid rule id '" + id + "': expected CVMKEYS-<AREA>-<NNN>, for example CVMKEYS-KV-001.");
        }
    }
}
