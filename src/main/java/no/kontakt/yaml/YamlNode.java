package no.kontakt.yaml;

import java.util.List;

/**
 * A node of a YAML document as {@link YamlReader} reads it, with where it is written. Scalars keep the text as
 * written and what YAML 1.2 (core schema) reads it as: {@code no}, {@code yes}, {@code on} and {@code off} are words.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** Where the node starts. */
    Position at();

    /** A place in a file: line and column, 1-based. */
    record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column;
        }
    }

    /** What a scalar is read as: a quoted scalar is always a {@code STRING}. */
    enum Kind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

    record Scalar(String text, Kind kind, Position at) implements YamlNode {}

    record Sequence(List<YamlNode> items, Position at) implements YamlNode {}

    /** A key (written as a scalar) with where the key is written, and its value. */
    record Entry(String key, Position keyAt, YamlNode value) {}

    record Mapping(List<Entry> entries, Position at) implements YamlNode {
        /** The entry of {@code key}, or null. */
        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** The value of {@code key}, or null. */
        public YamlNode get(String key) {
            Entry e = entry(key);
            return e == null ? null : e.value();
        }
    }
}
