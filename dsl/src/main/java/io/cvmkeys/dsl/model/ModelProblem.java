package io.cvmkeys.dsl.model;

/**
 * One reason a resource or template cannot be built.
 *
 * @param subject  what the problem is on, for example {@code Microsoft.KeyVault/vaults 'vault'}
 * @param property the property, in Azure's spelling, for example {@code softDeleteRetentionInDays}
 * @param rule     what is wrong, naming the value found
 * @param fix      what to change
 */
public record ModelProblem(String subject, String property, String rule, String fix) {

    /** Formats the problem as one sentence group: subject, property, rule, then the fix. */
    public String message() {
        return subject + " property " + property + ": " + rule + ". Fix: " + fix + ".";
    }
}
