/**
 * Policy rules over ARM templates, for templates that cvmkeys synthesized and for templates users already have.
 *
 * <p>{@link io.cvmkeys.dsl.policy.PolicyEngine} evaluates a {@link io.cvmkeys.dsl.policy.RulePack} over a template
 * and returns a {@link io.cvmkeys.dsl.policy.PolicyReport}. Each rule has an id {@code CVMKEYS-<AREA>-<NNN>} and a
 * severity; {@link io.cvmkeys.dsl.policy.RulePack#descriptors()} lists them. Rules read values through
 * {@link io.cvmkeys.dsl.policy.ExpressionResolver}, which resolves {@code parameters()} and {@code variables()}.
 * A value that stays an expression is reported at INFO as not checked, never as an error.
 *
 * <p>Suppressions come from {@code metadata.cvmkeys.suppressions[]} in the template or from
 * {@link io.cvmkeys.dsl.policy.PolicyEngine#withSuppression(io.cvmkeys.dsl.policy.Suppression)}; every suppression
 * needs a reason, and suppressed findings stay in the report with it.
 */
package io.cvmkeys.dsl.policy;
