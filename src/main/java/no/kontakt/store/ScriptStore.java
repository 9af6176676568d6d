package no.kontakt.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every published version of every script, and the drafts admins are working on. */
public interface ScriptStore {
    /** A draft: the YAML an admin saved and has not published yet. */
    record Draft(String name, String yaml, String savedBy, Instant savedAt) {}

    /** The names of the scripts with at least one published version, sorted. */
    List<String> names();

    /** The published versions of one script, oldest first. */
    List<ScriptVersion> versions(String name);

    /** The numbers of a script's versions, oldest first, without reading a version. */
    List<Integer> versionNumbers(String name);

    Optional<ScriptVersion> latest(String name);

    Optional<ScriptVersion> version(String name, int version);

    void publish(Batch batch, ScriptVersion version);

    Optional<Draft> draft(String name);

    void saveDraft(Batch batch, Draft draft);

    void removeDraft(Batch batch, String name);
}
