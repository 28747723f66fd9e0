package io.cvmkeys.modules.stack;

import io.cvmkeys.dsl.expr.Exprs;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.model.Output;
import io.cvmkeys.dsl.model.Parameter;
import io.cvmkeys.dsl.model.Template;
import io.cvmkeys.dsl.resources.DiskEncryptionSet;
import io.cvmkeys.dsl.resources.KeyVault;
import io.cvmkeys.dsl.stack.Stage;
import io.cvmkeys.dsl.stack.StageInput;
import io.cvmkeys.dsl.write.ParameterValue;
import io.cvmkeys.modules.env.Environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Disk Encryption Set stage: {@code ConfidentialVmEncryptedWithCustomerKey} with the vault stage's versioned key
 * URL and identity, and no automatic rotation.
 */
public final class DiskEncryptionSetStage {

    public static final String NAME = "des";

    private DiskEncryptionSetStage() {
    }

    public static Stage build(Environment environment) {
        Template template = Template.named(NAME)
                .withDescription("Disk Encryption Set for Confidential VM OS disks, on the vault stage's key");
        Parameter location = template.parameter(Parameter.string("location")
                .withDefault(Exprs.resourceGroup().property("location")));
        Parameter tags = template.parameter(Parameter.object("tags").withDefault(ObjectExpr.create()));
        Parameter desName = template.parameter(Parameter.string("diskEncryptionSetName"));
        Parameter vaultName = template.parameter(Parameter.string("vaultName"));
        Parameter vaultResourceGroup = template.parameter(Parameter.string("vaultResourceGroup")
                .withDescription("Resource group of the vault, in the same subscription."));
        Parameter keyUrl = template.parameter(Parameter.string(StackOutputs.KEY_URI_WITH_VERSION)
                .withDescription("Versioned key URL, from the vault stage."));
        Parameter identityId = template.parameter(Parameter.string(StackOutputs.IDENTITY_ID)
                .withDescription("Resource id of the identity with Crypto Service Encryption User on the key, from the vault stage."));

        KeyVault vault = template.add(KeyVault.define("vault").withName(vaultName).inResourceGroup(vaultResourceGroup).existing());
        DiskEncryptionSet des = template.add(DiskEncryptionSet.define("diskEncryptionSet")
                .withName(desName)
                .withLocation(location)
                .withTags(tags)
                .withUserAssignedIdentity(identityId)
                .withActiveKey(keyUrl)
                .withSourceVault(vault.id()));
        template.output(Output.string(StackOutputs.DISK_ENCRYPTION_SET_ID, des.id(),
                "Resource id of the Disk Encryption Set, for the session hosts' OS disks."));

        Map<String, ParameterValue> values = new LinkedHashMap<>();
        values.put("location", ParameterValue.of(environment.location()));
        values.put("tags", StackValues.tags(environment));
        values.put("diskEncryptionSetName", ParameterValue.of(environment.diskEncryptionSet().name()));
        values.put("vaultName", ParameterValue.of(environment.keyVault().name()));
        values.put("vaultResourceGroup", ParameterValue.of(environment.resourceGroups().keyVault()));

        List<StageInput> inputs = List.of(
                new StageInput(StackOutputs.KEY_URI_WITH_VERSION, VaultStage.NAME, StackOutputs.KEY_URI_WITH_VERSION),
                new StageInput(StackOutputs.IDENTITY_ID, VaultStage.NAME, StackOutputs.IDENTITY_ID));
        return new Stage(template, environment.resourceGroups().diskEncryptionSet(), values, inputs);
    }
}
