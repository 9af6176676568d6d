package no.kontakt.store;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The scripts' versions and drafts as JSON tables of one {@link Storage}. */
final class ScriptTables implements ScriptStore {
    private final JsonTable<ScriptVersion> versions;
    private final JsonTable<Draft> drafts;

    ScriptTables(Storage storage, ValueCodec codec) {
        versions = new JsonTable<>(storage, "script_versions", ScriptVersion.class, codec);
        drafts = new JsonTable<>(storage, "script_drafts", Draft.class, codec);
        versions.map();
        drafts.map();
    }

    public List<String> names() {
        // from the keys (name/000007): no version is read, let alone decrypted
        return List.copyOf(new TreeSet<>(versions.keys().stream().map(k -> k.substring(0, k.lastIndexOf('/'))).toList()));
    }

    public List<ScriptVersion> versions(String name) {
        return versions.withPrefix(name + "/");
    }

    public List<Integer> versionNumbers(String name) {
        String prefix = name + "/";
        return versions.map().subMap(prefix, true, prefix + Character.MAX_VALUE, false).keySet().stream()
                .map(k -> k.substring(prefix.length()))
                .map(Integer::valueOf).toList();
    }

    public Optional<ScriptVersion> latest(String name) {
        return versions.lastWithPrefix(name + "/");
    }

    public Optional<ScriptVersion> version(String name, int version) {
        return versions.get(key(name, version));
    }

    public void publish(Batch batch, ScriptVersion version) {
        versions.put(batch, key(version.name(), version.version()), version);
    }

    public Optional<Draft> draft(String name) {
        return drafts.get(name);
    }

    public void saveDraft(Batch batch, Draft draft) {
        drafts.put(batch, draft.name(), draft);
    }

    public void removeDraft(Batch batch, String name) {
        drafts.remove(batch, name);
    }

    private static String key(String name, int version) {
        return name + "/" + String.format("%06d", version);
    }
}
