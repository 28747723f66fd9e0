package io.cvmkeys.emulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.emulator.server.Json;
import io.cvmkeys.emulator.server.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every resource of the emulator, keyed by lower-cased id and kept in creation order, so lists and pages are
 * stable. Resource groups, deployments and soft-deleted vaults are resources here too.
 *
 * <p>With a state directory, {@link #save()} writes all resources to {@code state.json} through a temporary file and
 * an atomic rename, so a crash never leaves a half-written file. Callers serialize access through the emulator's
 * request lock.
 */
public final class ResourceStore {
    private static final String STATE_FILE = "state.json";

    private final Map<String, StoredResource> resources = new LinkedHashMap<>();
    private final Path stateDirectory;

    public ResourceStore(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    /** Loads {@code state.json} from the state directory, when there is one and the file exists. */
    public void load() {
        if (stateDirectory == null || !Files.exists(stateDirectory.resolve(STATE_FILE))) {
            return;
        }
        try {
            JsonNode root = Json.MAPPER.readTree(stateDirectory.resolve(STATE_FILE).toFile());
            for (JsonNode entry : root.path("resources")) {
                StoredResource resource = new StoredResource((ObjectNode) entry.get("body"),
                    entry.get("internal") instanceof ObjectNode internal ? internal : Json.object());
                resources.put(ResourceId.key(resource.id()), resource);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read emulator state from " + stateDirectory.resolve(STATE_FILE)
                + "; fix or delete the file to start with an empty state.", e);
        }
    }

    /** Writes all resources to the state directory atomically. Does nothing for an in-memory store. */
    public void save() {
        if (stateDirectory == null) {
            return;
        }
        ObjectNode root = Json.object();
        ArrayNode entries = root.putArray("resources");
        for (StoredResource resource : resources.values()) {
            ObjectNode entry = entries.addObject();
            entry.set("body", resource.body());
            entry.set("internal", resource.internal());
        }
        try {
            Files.createDirectories(stateDirectory);
            Path temporary = Files.createTempFile(stateDirectory, STATE_FILE, ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            try {
                Files.move(temporary, stateDirectory.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, stateDirectory.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write emulator state to " + stateDirectory, e);
        }
    }

    public Optional<StoredResource> get(String id) {
        return Optional.ofNullable(resources.get(ResourceId.key(id)));
    }

    public boolean contains(String id) {
        return resources.containsKey(ResourceId.key(id));
    }

    /** Stores a resource under its body's {@code id}. An existing entry keeps its position in creation order. */
    public void put(StoredResource resource) {
        resources.put(ResourceId.key(resource.id()), resource);
    }

    public Optional<StoredResource> remove(String id) {
        return Optional.ofNullable(resources.remove(ResourceId.key(id)));
    }

    /** Removes a resource and everything whose id starts with its id followed by {@code /}. */
    public List<StoredResource> removeWithDescendants(String id) {
        List<StoredResource> removed = new ArrayList<>();
        String key = ResourceId.key(id);
        resources.entrySet().removeIf(entry -> {
            if (entry.getKey().equals(key) || entry.getKey().startsWith(key + "/")) {
                removed.add(entry.getValue());
                return true;
            }
            return false;
        });
        return removed;
    }

    /** Returns the resources that satisfy {@code filter}, in creation order. */
    public List<StoredResource> find(Predicate<StoredResource> filter) {
        List<StoredResource> matches = new ArrayList<>();
        for (StoredResource resource : resources.values()) {
            if (filter.test(resource)) {
                matches.add(resource);
            }
        }
        return matches;
    }

    /** Returns resources of {@code type} (case-insensitive) whose id starts with {@code prefix/} (case-insensitive). */
    public List<StoredResource> findByTypeUnder(String type, String prefix) {
        String keyPrefix = ResourceId.key(prefix) + "/";
        return find(resource -> resource.type().equalsIgnoreCase(type)
            && ResourceId.key(resource.id()).startsWith(keyPrefix));
    }
}
