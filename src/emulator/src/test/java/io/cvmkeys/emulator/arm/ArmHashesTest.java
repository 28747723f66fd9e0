package io.cvmkeys.emulator.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins {@code guid()} and {@code uniqueString()} to known outputs. The guid values were computed independently with
 * Python's {@code uuid.uuid5} in ARM's namespace; the uniqueString values are outputs a public reimplementation
 * reports as matching Bicep's.
 */
class ArmHashesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // RFC 4122 appendix-style check in the DNS namespace, as published with Terraform's uuidv5().
        "6ba7b810-9dad-11d1-80b4-00c04fd430c8|www.terraform.io|a5008fae-b28c-5ba5-96cd-82b4c53552d6",
        "6ba7b811-9dad-11d1-80b4-00c04fd430c8|https://www.terraform.io/|9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5"
    })
    void nameBasedUuidMatchesPublishedValues(String namespace, String name, String expected) {
        assertThat(ArmGuid.nameBasedUuid(UUID.fromString(namespace), name)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a|3703365d-5a9f-59b4-bca7-b9681389e4c1",
        "a,b|2d796349-8c7e-55ec-9624-54ece82ed031",
        "ü|8d599bba-b377-5498-bc4f-38fe1f1327ee",
        "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-cvm/providers/Microsoft.KeyVault/vaults/kv-cvm-dev/keys/cvm-key"
                + ",11111111-1111-1111-1111-111111111111"
                + ",/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleDefinitions/08bbd89e-9f13-488c-ac41-acfcb10c90ab"
                + "|45559c95-84a3-55fc-89bd-c03c3dec381f"
    })
    void guidJoinsArgumentsWithHyphen(String commaSeparatedArguments, String expected) {
        assertThat(ArmGuid.guid(List.of(commaSeparatedArguments.split(",")))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "test|rbgf3xv4ufgzg",
        "hello,world|a7wkljktk6wne",
        "abc|cgtzqvhu4i23s",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg|bmg7c6xu4tw46",
        "foo,bar,baz|xzi4ioaxtmth4"
    })
    void uniqueStringMatchesKnownOutputs(String commaSeparatedArguments, String expected) {
        assertThat(UniqueString.of(List.of(commaSeparatedArguments.split(",")))).isEqualTo(expected);
    }
}
