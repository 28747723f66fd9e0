package io.cvmkeys.dsl.write;

import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.model.InvalidModelException;
import io.cvmkeys.dsl.model.ModelProblem;
import io.cvmkeys.dsl.model.Template;

import java.util.List;
import java.util.Map;

/**
 * Writes a {@code .bicepparam} file: {@code using} the template's Bicep file, then one {@code param} line per value
 * in the template's parameter order. Key Vault secrets become {@code az.getSecret(...)} and environment variables
 * {@code readEnvironmentVariable(...)}.
 */
public final class BicepParamWriter {

    /**
     * @param bicepFile the template's file name as the {@code using} clause names it, for example {@code vault.bicep}
     */
    public String write(Template template, Map<String, ParameterValue> values, String bicepFile) {
        ParameterValues.checkKnown(template, values);
        StringBuilder bicep = new StringBuilder()
                .append("using ").append(Literal.of("./" + bicepFile).toBicep(0)).append("\n");
        for (String name : template.parameters().keySet()) {
            ParameterValue value = values.get(name);
            if (value != null) {
                bicep.append("\nparam ").append(name).append(" = ").append(render(value)).append('\n');
            }
        }
        return bicep.toString();
    }

    private static String render(ParameterValue value) {
        if (value instanceof ParameterValue.LiteralValue literal) {
            return io.cvmkeys.dsl.stack.BicepLiterals.of(literal.value(), 0);
        }
        if (value instanceof ParameterValue.EnvironmentVariable variable) {
            return "readEnvironmentVariable(" + Literal.of(variable.name()).toBicep(0) + ")";
        }
        ParameterValue.KeyVaultSecret secret = (ParameterValue.KeyVaultSecret) value;
        VaultId vault = VaultId.parse(secret.vaultResourceId());
        return "az.getSecret(" + quote(vault.subscriptionId()) + ", " + quote(vault.resourceGroup()) + ", "
                + quote(vault.name()) + ", " + quote(secret.secretName()) + ")";
    }

    private static String quote(String text) {
        return Literal.of(text).toBicep(0);
    }

    /** The parts of a vault's resource id that {@code az.getSecret} takes. */
    record VaultId(String subscriptionId, String resourceGroup, String name) {

        static VaultId parse(String id) {
            String[] segments = id.split("/");
            // /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.KeyVault/vaults/{name}
            if (segments.length == 9 && segments[1].equalsIgnoreCase("subscriptions")
                    && segments[3].equalsIgnoreCase("resourceGroups")
                    && segments[6].equalsIgnoreCase("Microsoft.KeyVault") && segments[7].equalsIgnoreCase("vaults")) {
                return new VaultId(segments[2], segments[4], segments[8]);
            }
            throw new InvalidModelException(List.of(new ModelProblem("Key Vault secret reference", "vault id",
                    "'" + id + "' is not a Key Vault resource id",
                    "use /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.KeyVault/vaults/{name}")));
        }
    }
}
