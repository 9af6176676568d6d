package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import no.kontakt.text.Fold;

/**
 * Finds which lexicon words a message word matches, tolerating typos: built once at load.
 * Whole words of 5–8 letters match within Damerau-Levenshtein distance 1, longer words within 2, shorter ones
 * exactly. Stems of 8 letters or more tolerate one typo too; when a shorter stem begins them, only in that
 * shared head ("selvmorstanker" is selvmordstank*, "självmordsprevention" is not självmordsbrev*). A typo must
 * keep the first letter (or swap the first two), and a word listed as ordinary is never taken for a typo.
 * A letter repeated three times or more is squeezed ("doooo" → "doo", "do"), and aliases ("ikk" → "ikke")
 * are tried as well.
 */
final class WordIndex {
    private static final int MIN_FUZZY = 5;
    private static final int MIN_FUZZY_STEM = 8;

    private final Map<Rule.WordForm, Integer> ids = new HashMap<>();
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final Map<String, List<Integer>> prefixes = new HashMap<>();
    private final Map<Character, List<Entry>> fuzzyByFirst = new HashMap<>();
    private final List<Entry> fuzzyStems = new ArrayList<>();
    private final List<Entry> partials = new ArrayList<>();
    private final Map<String, Integer> heads = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> aliases;
    private final Set<String> ordinary;
    private final TreeSet<Integer> prefixLengths = new TreeSet<>();

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
        switch (form.mode()) {
            case WORD, EXACT -> {
                exact.computeIfAbsent(text, k -> new ArrayList<>()).add(id);
                if (form.mode() == Rule.Mode.WORD && text.length() >= MIN_FUZZY) {
                    fuzzyByFirst.computeIfAbsent(text.charAt(0), k -> new ArrayList<>()).add(entry);
                }
            }
            case PREFIX -> {
                prefixes.computeIfAbsent(text, k -> new ArrayList<>()).add(id);
                prefixLengths.add(text.length());
                if (text.length() >= MIN_FUZZY_STEM) {
                    fuzzyStems.add(entry);
                }
            }
            case SUFFIX, INFIX -> partials.add(entry);
        }
        return id;
    }

    int size() {
        return ids.size();
    }

    /** Adds to {@code out} the ids of every lexicon word that {@code word} (folded) matches. */
    void match(String word, BitSet out) {
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
        for (String variant : variants) {
            matchExactly(variant, out);
        }
        if (!ordinary.contains(word)) {
            matchFuzzy(word, out);
            if (!squeezed.equals(word)) {
                matchFuzzy(squeezed, out);
            }
        }
    }

    private void matchExactly(String word, BitSet out) {
        addAll(exact.get(word), out);
        for (int len : prefixLengths) {
            if (len > word.length()) {
                break;
            }
            addAll(prefixes.get(word.substring(0, len)), out);
        }
        for (Entry e : partials) {
            boolean hit = e.mode() == Rule.Mode.SUFFIX ? word.endsWith(e.text()) : word.contains(e.text());
            if (hit) {
                out.set(e.id());
            }
        }
    }

    private void matchFuzzy(String word, BitSet out) {
        if (word.length() < MIN_FUZZY) {
            return;
        }
        fuzzyAgainst(word, fuzzyByFirst.get(word.charAt(0)), out);
        fuzzyAgainst(word, fuzzyByFirst.get(word.charAt(1)), out);
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

    private static void addAll(List<Integer> ids, BitSet out) {
        if (ids != null) {
            ids.forEach(out::set);
        }
    }
}
