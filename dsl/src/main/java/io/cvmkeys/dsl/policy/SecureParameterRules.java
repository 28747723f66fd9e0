package io.cvmkeys.dsl.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.validate.Severity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Rules for template parameters that carry secrets. */
public final class SecureParameterRules implements PolicyRule {

    public static final RuleDescriptor NO_DEFAULT = new RuleDescriptor("CVMKEYS-PARAM-001", Severity.ERROR,
            "Secure parameter has no default value");

    @Override
    public List<RuleDescriptor> descriptors() {
        return List.of(NO_DEFAULT);
    }

    @Override
    public List<Finding> evaluate(PolicyContext context) {
        List<Finding> findings = new ArrayList<>();
        for (PolicyContext.TemplateScope scope : context.scopes()) {
            Iterator<Map.Entry<String, JsonNode>> parameters = scope.template().path("parameters").fields();
            while (parameters.hasNext()) {
                Map.Entry<String, JsonNode> parameter = parameters.next();
                String type = parameter.getValue().path("type").asText("");
                JsonNode defaultValue = parameter.getValue().get("defaultValue");
                boolean secure = type.equalsIgnoreCase("secureString") || type.equalsIgnoreCase("secureObject");
                if (secure && defaultValue != null && !isEmpty(defaultValue)) {
                    String path = scope.path("parameters." + parameter.getKey() + ".defaultValue");
                    findings.add(new Finding(NO_DEFAULT.id(), NO_DEFAULT.severity(), "", path,
                            "Parameter '" + parameter.getKey() + "' of type " + type + " has a default value (not shown);"
                                    + " a default is written into the template, so the secret is no longer secret.",
                            "Remove the defaultValue of '" + parameter.getKey() + "' and pass the value at deployment time,"
                                    + " for example from a Key Vault reference in the parameters file."));
                }
            }
        }
        return findings;
    }

    /** Returns true for an empty default ({@code ""} or {@code {}}), the usual way to make a secure parameter optional. */
    private static boolean isEmpty(JsonNode defaultValue) {
        return (defaultValue.isTextual() && defaultValue.textValue().isEmpty())
                || (defaultValue.isContainerNode() && defaultValue.isEmpty());
    }
}
