package io.cvmkeys.dsl.assertions;

import io.cvmkeys.dsl.policy.TemplateResource;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Assertions on every resource of one type. They fail when the template has no resource of that type, so that a
 * requirement on all vaults never passes by accident on a template without vaults.
 */
public class ResourcesAssert extends AbstractAssert<ResourcesAssert, List<TemplateResource>> {

    private final String type;

    ResourcesAssert(String type, List<TemplateResource> resources) {
        super(resources, ResourcesAssert.class);
        this.type = type;
    }

    /** Verifies that every resource of the type passes {@code requirements}; the failure lists every resource that does not. */
    public ResourcesAssert satisfy(Consumer<ResourceAssert> requirements) {
        requireResources();
        List<String> failures = new ArrayList<>();
        for (TemplateResource resource : actual) {
            try {
                requirements.accept(new ResourceAssert(resource));
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            failWithMessage("%s", failures.size() + " of " + actual.size() + " resources of type " + type
                    + " do not satisfy the requirements:" + System.lineSeparator() + String.join(System.lineSeparator(), failures));
        }
        return this;
    }

    /** Verifies that every resource of the type has the property at {@code path} matching {@code expected}. */
    public ResourcesAssert haveProperty(String path, Object expected) {
        return satisfy(resource -> resource.hasProperty(path, expected));
    }

    /** Verifies that no resource of the type has a property at {@code path}. */
    public ResourcesAssert doNotHaveProperty(String path) {
        return satisfy(resource -> resource.doesNotHaveProperty(path));
    }

    public ResourcesAssert hasSize(int expected) {
        if (actual.size() != expected) {
            failWithMessage("%s", "expected " + expected + " resources of type " + type + " but found " + actual.size());
        }
        return this;
    }

    private void requireResources() {
        if (actual.isEmpty()) {
            failWithMessage("%s", "expected resources of type " + type + " to check but the template has none");
        }
    }
}
