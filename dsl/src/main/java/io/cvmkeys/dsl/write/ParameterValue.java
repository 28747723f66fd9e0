package io.cvmkeys.dsl.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Objects;

/**
 * The value of one parameter in a parameter file: a literal JSON value, a Key Vault secret reference, or an
 * environment variable read when the deployment starts. Secrets are never written as literals.
 */
public sealed interface ParameterValue {

    static ParameterValue of(JsonNode value) {
        return new LiteralValue(value);
    }

    static ParameterValue of(String value) {
        return new LiteralValue(TextNode.valueOf(value));
    }

    /** A value kept as a Key Vault secret; ARM reads it at deployment and never shows it. */
    record KeyVaultSecret(String vaultResourceId, String secretName) implements ParameterValue {
        public KeyVaultSecret {
            Objects.requireNonNull(vaultResourceId, "vaultResourceId");
            Objects.requireNonNull(secretName, "secretName");
        }
    }

    /** A value read from an environment variable of the process that deploys. */
    record EnvironmentVariable(String name) implements ParameterValue {
        public EnvironmentVariable {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A value written into the parameter file as it is. */
    record LiteralValue(JsonNode value) implements ParameterValue {
        public LiteralValue {
            Objects.requireNonNull(value, "value");
        }
    }
}
