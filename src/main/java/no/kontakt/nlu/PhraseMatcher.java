package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every rule whose pattern occurs in a message. Rules are indexed by the words their first slot
 * accepts, so only rules whose first word is in the message are tried. A {@code ..} gap never skips a
 * negation ("vil .. dø" matches "vil bare dø", not "vil ikke dø"). Between any two slots up to
 * {@value #MAX_FILLERS} filler words ("bare", "just") may stand besides the gap, so "lyst til at forsvinde"
 * also matches "lyst til bare at forsvinde".
 */
final class PhraseMatcher {
    static final int MAX_FILLERS = 2;

    /** A rule found in the message at word positions {@code start} to {@code end} inclusive. */
    record Hit(Rule rule, int start, int end) {
        boolean overlaps(Hit other) {
            return start <= other.end && other.start <= end;
        }
    }

    private static final byte OTHER = 0;
    private static final byte NEGATION = 1;
    private static final byte FILLER = 2;

    private final WordIndex words;
    private final Set<String> negations;
    private final Set<String> fillers;
    private final List<Compiled> rules = new ArrayList<>();
    private final Map<Integer, List<Integer>> rulesByFirstWord = new HashMap<>();

    /** A rule with its slots as word ids: {@code ids[slot]} the accepted words, {@code gaps[slot]} the words it may skip. */
    private record Compiled(Rule rule, int[][] ids, int[] gaps) {}

    PhraseMatcher(WordIndex words, Set<String> negations, Set<String> fillers, List<Rule> rules) {
        this.words = words;
        this.negations = negations;
        this.fillers = fillers;
        for (Rule rule : rules) {
            List<Rule.Slot> slots = rule.slots();
            int[][] ids = new int[slots.size()][];
            int[] gaps = new int[slots.size()];
            for (int s = 0; s < slots.size(); s++) {
                ids[s] = slots.get(s).alternatives().stream().mapToInt(words::add).toArray();
                gaps[s] = slots.get(s).gapBefore();
            }
            for (int first : ids[0]) {
                rulesByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(this.rules.size());
            }
            this.rules.add(new Compiled(rule, ids, gaps));
        }
        words.compile();
    }

    /** Every hit in {@code folded} (the message's folded words), in order of start. */
    List<Hit> find(List<String> folded) {
        BitSet[] matched = words.match(folded);
        byte[] kind = new byte[folded.size()];
        for (int i = 0; i < matched.length; i++) {
            kind[i] = negations.contains(folded.get(i)) ? NEGATION : fillers.contains(folded.get(i)) ? FILLER : OTHER;
        }
        List<Hit> hits = new ArrayList<>();
        BitSet tried = new BitSet(rules.size());
        for (int start = 0; start < matched.length; start++) {
            tried.clear();
            for (int id = matched[start].nextSetBit(0); id >= 0; id = matched[start].nextSetBit(id + 1)) {
                for (int r : rulesByFirstWord.getOrDefault(id, List.of())) {
                    if (!tried.get(r)) {
                        tried.set(r);
                        int end = end(rules.get(r), 1, start, matched, kind);
                        if (end >= 0) {
                            hits.add(new Hit(rules.get(r).rule(), start, end));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /**
     * Where the rule's slots from {@code slot} on end when slot {@code slot - 1} matched at {@code at}, or -1.
     * On the way to the next slot's word the gap's words and up to {@value #MAX_FILLERS} fillers may be skipped,
     * never a negation.
     */
    private static int end(Compiled rule, int slot, int at, BitSet[] matched, byte[] kind) {
        if (slot == rule.ids().length) {
            return at;
        }
        int gapLeft = rule.gaps()[slot];
        int fillersLeft = MAX_FILLERS;
        for (int next = at + 1; next < matched.length; next++) {
            if (any(matched[next], rule.ids()[slot])) {
                int end = end(rule, slot + 1, next, matched, kind);
                if (end >= 0) {
                    return end;
                }
            }
            if (kind[next] == NEGATION) {
                return -1;
            } else if (kind[next] == FILLER && fillersLeft > 0) {
                fillersLeft--;
            } else if (gapLeft > 0) {
                gapLeft--;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean any(BitSet matched, int[] ids) {
        for (int id : ids) {
            if (matched.get(id)) {
                return true;
            }
        }
        return false;
    }
}
