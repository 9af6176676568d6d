package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.kontakt.text.Fold;
import org.ahocorasick.trie.Trie;

/**
 * Finds which lexicon words a message word matches, tolerating typos: built once at load.
 * Whole words of 5–8 letters match within Damerau-Levenshtein distance 1, longer words within 2, shorter ones
 * exactly. Stems of 8 letters or more tolerate one typo too; when a shorter stem begins them, only in that
 * shared head ("selvmorstanker" is selvmordstank*, "självmordsprevention" is not självmordsbrev*). A typo must
 * keep the first letter (or swap the first two), and a word listed as ordinary is never taken for a typo.
 * A letter repeated three times or more is squeezed ("doooo" → "doo", "do"), and aliases ("ikk" → "ikke")
 * are tried as well. The lexicon words a typo could stand for are found through their deletions (see {@link #deletions}), not by
 * comparing every word with the same first letter.
 * <p>
 * Exact words, stems, endings and parts of words are all found by one Aho–Corasick automaton over every lexicon
 * word, built once ({@link #compile}) and run once over a message's folded words; where a match stands in its word
 * decides which forms it is (a whole word, a stem at the word's start, an ending at its end, a part anywhere). Only the
 * typo tolerance compares words one by one.
 */
final class WordIndex {
    private static final int MIN_FUZZY = 5;
    private static final int MIN_FUZZY_STEM = 8;

    private final Map<Rule.WordForm, Integer> ids = new HashMap<>();
    /** Every lexicon word's forms, by its folded text: the automaton's keywords. */
    private final Map<String, List<Entry>> forms = new HashMap<>();
    private Trie automaton;
    private final Map<String, List<Integer>> prefixes = new HashMap<>();
    /**
     * Every whole word of {@value #MIN_FUZZY} letters or more under each string left when up to one letter (two, for
     * words of nine or more) is deleted from it: a message word within the allowed distance shares one of those with it.
     */
    private final Map<String, List<Entry>> fuzzyByDeletion = new HashMap<>();
    private final List<Entry> fuzzyStems = new ArrayList<>();
    private final Map<String, Integer> heads = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> aliases;
    private final Set<String> ordinary;

    private record Entry(String text, Rule.Mode mode, int id) {}

    WordIndex(Map<String, Set<String>> aliases, Set<String> ordinary) {
        this.aliases = aliases;
        this.ordinary = ordinary;
    }

    /** The id of {@code form}, adding it on first sight. */
    int add(Rule.WordForm form) {
        Integer known = ids.get(form);
        if (known != null) {
            return known;
        }
        int id = ids.size();
        ids.put(form, id);
        String text = form.text();
        Entry entry = new Entry(text, form.mode(), id);
        forms.computeIfAbsent(text, k -> new ArrayList<>()).add(entry);
        automaton = null;
        switch (form.mode()) {
            case WORD, EXACT -> {
                if (form.mode() == Rule.Mode.WORD && text.length() >= MIN_FUZZY) {
                    for (String key : deletions(text, text.length() > 8 ? 2 : 1)) {
                        fuzzyByDeletion.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
                    }
                }
            }
            case PREFIX -> {
                prefixes.computeIfAbsent(text, k -> new ArrayList<>()).add(id);
                if (text.length() >= MIN_FUZZY_STEM) {
                    fuzzyStems.add(entry);
                }
            }
            case SUFFIX, INFIX -> { }
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    /** Builds the automaton over every word added so far; {@link #match} needs it, and words added later need it built again. */
    void compile() {
        automaton = Trie.builder().addKeywords(forms.keySet()).build();
    }

    /**
     * For every word of {@code folded} (a message's folded words, in order) the ids of every lexicon word it matches:
     * the automaton runs once over the words joined by spaces; only a word's other spellings (squeezed, aliases) and
     * typos are looked at alone.
     */
    BitSet[] match(List<String> folded) {
        if (automaton == null) {
            throw new IllegalStateException("the word index was not compiled after its last word was added");
        }
        int n = folded.size();
        BitSet[] out = new BitSet[n];
        StringBuilder text = new StringBuilder();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = new BitSet(size());
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(folded.get(i));
            ends[i] = text.length() - 1;
        }
        automaton.parseText(text, emit -> {
            int w = wordAt(starts, emit.getStart());
            mark(forms.get(emit.getKeyword()), emit.getStart() == starts[w], emit.getEnd() == ends[w], out[w]);
            return true;
        });
        for (int i = 0; i < n; i++) {
            String word = folded.get(i);
            Set<String> variants = variants(word);
            for (String variant : variants) {
                if (!variant.equals(word)) {
                    matchExactly(variant, out[i]);
                }
            }
            if (!ordinary.contains(word)) {
                matchFuzzy(word, out[i]);
                String squeezed = Fold.squeeze(word, 2);
                if (!squeezed.equals(word)) {
                    matchFuzzy(squeezed, out[i]);
                }
            }
        }
        return out;
    }

    /** The word and its other spellings: runs of a letter squeezed to two and to one, oe as o, and their aliases. */
    private Set<String> variants(String word) {
        Set<String> variants = new LinkedHashSet<>(4);
        variants.add(word);
        String squeezed = Fold.squeeze(word, 2);
        if (!squeezed.equals(word)) {
            variants.add(squeezed);
            variants.add(Fold.squeeze(word, 1));
        }
        if (word.contains("oe")) {
            variants.add(word.replace("oe", "o"));
        }
        for (String variant : List.copyOf(variants)) {
            variants.addAll(aliases.getOrDefault(variant, Set.of()));
        }
        return variants;
    }

    /** The automaton over one word alone. */
    private void matchExactly(String word, BitSet out) {
        automaton.parseText(word, emit -> {
            mark(forms.get(emit.getKeyword()), emit.getStart() == 0, emit.getEnd() == word.length() - 1, out);
            return true;
        });
    }

    /** The forms a match is: a whole word only when it is all of the word, a stem at its start, an ending at its end, a part anywhere. */
    private static void mark(List<Entry> entries, boolean atStart, boolean atEnd, BitSet out) {
        for (Entry e : entries) {
            boolean hit = switch (e.mode()) {
                case WORD, EXACT -> atStart && atEnd;
                case PREFIX -> atStart;
                case SUFFIX -> atEnd;
                case INFIX -> true;
            };
            if (hit) {
                out.set(e.id());
            }
        }
    }

    /** The word whose text starts at or before {@code at} and is the last to do so. */
    private static int wordAt(int[] starts, int at) {
        int i = java.util.Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }

    private void matchFuzzy(String word, BitSet out) {
        if (word.length() < MIN_FUZZY) {
            return;
        }
        // typos of whole words: only the lexicon words that share a deletion with it are compared
        for (String key : deletions(word, word.length() > 8 ? 2 : 1)) {
            fuzzyAgainst(word, fuzzyByDeletion.get(key), out);
        }
        for (Entry e : fuzzyStems) {
            if (!sameStart(word, e.text())) {
                continue; // the same for every length below: checked once, before any substring is made
            }
            String tail = e.text().substring(headLength(e.text()));
            for (int len = e.text().length() - 1; len <= Math.min(word.length(), e.text().length() + 1); len++) {
                String start = word.substring(0, len);
                if (start.endsWith(tail) && EditDistance.within(start, e.text(), 1) <= 1) {
                    out.set(e.id());
                    break;
                }
            }
        }
    }

    /** How much of {@code stem} is the longest shorter stem ("selvmord" of "selvmordsbrev"), or all of it. */
    private int headLength(String stem) {
        return heads.computeIfAbsent(stem, s -> {
            for (int len = s.length() - 1; len >= MIN_FUZZY; len--) {
                if (prefixes.containsKey(s.substring(0, len))) {
                    return len;
                }
            }
            return s.length();
        });
    }

    /**
     * {@code word} and every string left when up to {@code depth} of its letters are deleted. Two words within
     * Damerau–Levenshtein (optimal string alignment) distance k share a string of depth k: a substitution or a swap
     * deletes the same place in both, an insertion deletes one letter from one.
     */
    static Set<String> deletions(String word, int depth) {
        Set<String> out = new java.util.HashSet<>();
        out.add(word);
        Set<String> level = Set.of(word);
        for (int d = 0; d < depth; d++) {
            Set<String> next = new java.util.HashSet<>();
            for (String w : level) {
                for (int i = 0; i < w.length(); i++) {
                    next.add(w.substring(0, i) + w.substring(i + 1));
                }
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }

    private static void fuzzyAgainst(String word, List<Entry> entries, BitSet out) {
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            int shorter = Math.min(word.length(), e.text().length());
            int max = shorter < MIN_FUZZY ? 0 : shorter <= 8 ? 1 : 2;
            if (max > 0 && sameStart(word, e.text()) && EditDistance.within(word, e.text(), max) <= max) {
                out.set(e.id());
            }
        }
    }

    /** Typos keep the first letter, or swap the first two. */
    private static boolean sameStart(String word, String lexiconWord) {
        return word.charAt(0) == lexiconWord.charAt(0)
                || word.charAt(0) == lexiconWord.charAt(1) && word.charAt(1) == lexiconWord.charAt(0);
    }
}
