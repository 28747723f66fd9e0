package io.cvmkeys.dsl.model;

import io.cvmkeys.dsl.expr.Expr;
import io.cvmkeys.dsl.expr.Interpolation;
import io.cvmkeys.dsl.expr.ObjectExpr;
import io.cvmkeys.dsl.expr.ResourceIdExpr;
import io.cvmkeys.dsl.expr.ResourceNameExpr;
import io.cvmkeys.dsl.expr.ResourcePropertyExpr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource declaration: what both writers need to emit it. Typed resources such as {@code KeyVault} extend it
 * with accessors for their runtime values; builders create it after checking its rules.
 */
public class Resource {

    private final String symbolicName;
    private final String type;
    private final String apiVersion;
    private final Expr name;
    private final Expr location;
    private final Expr tags;
    private final Map<String, Expr> topLevel;
    private final ObjectExpr properties;
    private final Resource parent;
    private final Resource scope;
    private final Expr resourceGroup;
    private final Expr condition;
    private final List<Resource> explicitDependsOn;
    private final boolean existing;
    private final String description;
    private final List<Suppression> suppressions;

    protected Resource(ResourceBuilder<?, ?> builder) {
        this.symbolicName = builder.symbolicName;
        this.type = builder.type;
        this.apiVersion = builder.apiVersion;
        this.name = builder.name;
        this.location = builder.location;
        this.tags = builder.tags;
        this.topLevel = Collections.unmodifiableMap(new LinkedHashMap<>(builder.topLevel));
        this.properties = builder.properties;
        this.parent = builder.parent;
        this.scope = builder.scope;
        this.resourceGroup = builder.resourceGroup;
        this.condition = builder.condition;
        this.explicitDependsOn = List.copyOf(builder.dependsOn);
        this.existing = builder.existing;
        this.description = builder.description;
        this.suppressions = List.copyOf(builder.suppressions);
    }

    /** The name of the resource in Bicep (its symbol), unique in a template. */
    public String symbolicName() {
        return symbolicName;
    }

    /** Full resource type, for example {@code Microsoft.KeyVault/vaults/keys}. */
    public String type() {
        return type;
    }

    public String apiVersion() {
        return apiVersion;
    }

    /** The resource's own name; for a child resource only the last segment. */
    public Expr name() {
        return name;
    }

    public Expr location() {
        return location;
    }

    public Expr tags() {
        return tags;
    }

    /** Top-level fields other than name, location, tags and properties, such as {@code sku} or {@code identity}. */
    public Map<String, Expr> topLevel() {
        return topLevel;
    }

    public ObjectExpr properties() {
        return properties;
    }

    public Resource parent() {
        return parent;
    }

    /** The resource an extension resource (a role assignment, diagnostic settings) applies to, or null. */
    public Resource scope() {
        return scope;
    }

    /** Resource group of an existing resource outside the deployment's group, or null. */
    public Expr resourceGroup() {
        return resourceGroup;
    }

    public Expr condition() {
        return condition;
    }

    public List<Resource> explicitDependsOn() {
        return explicitDependsOn;
    }

    /** True for a reference to a resource that exists already: Bicep declares it {@code existing}, ARM omits it. */
    public boolean isExisting() {
        return existing;
    }

    public String description() {
        return description;
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    /** The resources from the root parent down to this one. */
    public List<Resource> chain() {
        List<Resource> chain = new ArrayList<>();
        for (Resource level = this; level != null; level = level.parent) {
            chain.add(0, level);
        }
        return chain;
    }

    /** The name as ARM writes it: one segment per level, for example {@code format('{0}/{1}', vault, key)}. */
    public Expr armName() {
        if (parent == null) {
            return name;
        }
        return Interpolation.of(parent.armName(), "/", name);
    }

    /** The relative id ARM accepts in an extension resource's {@code scope}, for example {@code Microsoft.KeyVault/vaults/kv}. */
    public Expr armRelativeId() {
        List<Object> parts = new ArrayList<>();
        String[] typeSegments = type.split("/");
        List<Resource> chain = chain();
        parts.add(typeSegments[0] + "/");
        for (int level = 0; level < chain.size(); level++) {
            parts.add(typeSegments[level + 1] + "/");
            parts.add(chain.get(level).name());
            if (level < chain.size() - 1) {
                parts.add("/");
            }
        }
        return Interpolation.of(parts.toArray());
    }

    /** The resource id: {@code resourceId(...)} in ARM, {@code symbol.id} in Bicep. */
    public Expr id() {
        return new ResourceIdExpr(this);
    }

    /** The name as a reference: the name expression in ARM, {@code symbol.name} in Bicep. */
    public Expr nameReference() {
        return new ResourceNameExpr(this);
    }

    /** A runtime value addressed from the resource root, for example {@code properties.vaultUri}. */
    public Expr runtime(String path) {
        return new ResourcePropertyExpr(this, path);
    }

    /** Short description for messages: type and symbol, for example {@code Microsoft.KeyVault/vaults 'vault'}. */
    public String label() {
        return type + " '" + symbolicName + "'";
    }

    @Override
    public String toString() {
        return label();
    }
}
