package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.BicepStrings;
import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Literal;
import io.cvmkeys.dsl.expr.ObjectExpr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Base of the fluent resource builders: {@code KeyVault.define("vault").withName(...).build()}. Each typed builder
 * fills {@link #properties} with Azure's property names and checks its rules in {@link #validate(List)}, so an
 * invalid resource never reaches a template.
 *
 * @param <R> the resource type built
 * @param <B> the concrete builder, for fluent chaining
 */
public abstract class ResourceBuilder<R extends Resource, B extends ResourceBuilder<R, B>> {

    final String symbolicName;
    final String type;
    String apiVersion;
    Expr name;
    Expr location;
    Expr tags;
    final Map<String, Expr> topLevel = new LinkedHashMap<>();
    ObjectExpr properties = ObjectExpr.create();
    Resource parent;
    Resource scope;
    Expr resourceGroup;
    Expr condition;
    final List<Resource> dependsOn = new ArrayList<>();
    boolean existing;
    String description;
    final List<Suppression> suppressions = new ArrayList<>();

    protected ResourceBuilder(String symbolicName, String type, String apiVersion) {
        if (symbolicName == null || !BicepStrings.isValidSymbol(symbolicName)) {
            throw new InvalidModelException(List.of(new ModelProblem(type + " '" + symbolicName + "'", "symbolic name",
                    "'" + symbolicName + "' is not a valid symbolic name",
                    "use letters, digits and underscores, starting with a letter, and no Bicep keyword")));
        }
        this.symbolicName = symbolicName;
        this.type = type;
        this.apiVersion = apiVersion;
    }

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    public B withName(Expr name) {
        this.name = name;
        return self();
    }

    public B withName(String name) {
        return withName(Literal.of(name));
    }

    public B withLocation(Expr location) {
        this.location = location;
        return self();
    }

    public B withLocation(String location) {
        return withLocation(Literal.of(location));
    }

    /** Sets the tags from an expression, usually an object parameter shared by every resource of the stack. */
    public B withTags(Expr tags) {
        this.tags = tags;
        return self();
    }

    /** Sets literal tags; they are written sorted by key. */
    public B withTags(Map<String, String> tags) {
        ObjectExpr object = ObjectExpr.create();
        new TreeMap<>(tags).forEach(object::put);
        this.tags = object;
        return self();
    }

    /** Deploys the resource only when the condition is true at deployment time. */
    public B withCondition(Expr condition) {
        this.condition = condition;
        return self();
    }

    /** Adds an explicit dependency; references through {@code id()} or {@code runtime(...)} add theirs already. */
    public B dependsOn(Resource... resources) {
        dependsOn.addAll(List.of(resources));
        return self();
    }

    /** Overrides the API version; builders default to the version whose schema and behaviour cvmkeys checks. */
    public B withApiVersion(String apiVersion) {
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        return self();
    }

    /** A comment for reviewers: {@code @description} in Bicep, {@code comments} in ARM. */
    public B withDescription(String description) {
        this.description = description;
        return self();
    }

    /** Accepts a policy finding on this resource; the reason is recorded in the template metadata. */
    public B suppress(String ruleId, String reason) {
        suppressions.add(new Suppression(ruleId, reason));
        return self();
    }

    /** Declares a reference to a resource that exists already: only its name (and parent) are used. */
    public B existing() {
        this.existing = true;
        return self();
    }

    /** Places an existing resource in another resource group of the same subscription. */
    public B inResourceGroup(Expr resourceGroup) {
        this.resourceGroup = resourceGroup;
        return self();
    }

    protected B withParent(Resource parent) {
        this.parent = parent;
        return self();
    }

    protected B withScope(Resource scope) {
        this.scope = scope;
        return self();
    }

    /** Sets a top-level field such as {@code sku}, {@code kind} or {@code identity}; null removes it. */
    protected B withTopLevel(String field, Expr value) {
        if (value == null) {
            topLevel.remove(field);
        } else {
            topLevel.put(field, value);
        }
        return self();
    }

    protected Expr name() {
        return name;
    }

    protected Resource parent() {
        return parent;
    }

    protected Resource scope() {
        return scope;
    }

    protected String apiVersion() {
        return apiVersion;
    }

    protected boolean isExisting() {
        return existing;
    }

    protected ObjectExpr properties() {
        return properties;
    }

    /** Short description of the resource for problem messages. */
    protected String label() {
        return type + " '" + symbolicName + "'";
    }

    /** Records a problem in this resource's property. */
    protected void problem(List<ModelProblem> problems, String property, String rule, String fix) {
        problems.add(new ModelProblem(label(), property, rule, fix));
    }

    /** Returns true when {@link #fill()} derives a name if none was set, as role assignments do. */
    protected boolean hasDefaultName() {
        return false;
    }

    /** Checks the resource's rules and adds one problem per broken rule. */
    protected abstract void validate(List<ModelProblem> problems);

    /** Writes the typed settings into {@link #properties} and top-level fields before the resource is created. */
    protected abstract void fill();

    protected abstract R create();

    /** Checks every rule, then creates the resource; all problems are reported at once. */
    public final R build() {
        List<ModelProblem> problems = new ArrayList<>();
        if (name == null && (existing || !hasDefaultName())) {
            problem(problems, "name", "the name is not set", "call withName(...)");
        }
        if (!existing) {
            validate(problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidModelException(problems);
        }
        if (!existing) {
            fill();
        }
        return create();
    }
}
