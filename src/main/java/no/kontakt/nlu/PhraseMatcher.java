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
 * negation ("vil .. dø" matches "vil bare dø", not "vil ikke dø").
 */
final class PhraseMatcher {
    /** A rule found in the message at word positions {@code start} to {@code end} inclusive. */
    record Hit(Rule rule, int start, int end) {
        boolean overlaps(Hit other) {
            return start <= other.end && other.start <= end;
        }
    }

    private final WordIndex words;
    private final Set<String> negations;
    private final List<Compiled> rules = new ArrayList<>();
    private final Map<Integer, List<Integer>> rulesByFirstWord = new HashMap<>();

    /** A rule with its slots as word ids: {@code ids[slot]} the accepted words, {@code gaps[slot]} the words it may skip. */
    private record Compiled(Rule rule, int[][] ids, int[] gaps) {}

    PhraseMatcher(WordIndex words, Set<String> negations, List<Rule> rules) {
        this.words = words;
        this.negations = negations;
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
    }

    /** Every hit in {@code folded} (the message's folded words), in order of start. */
    List<Hit> find(List<String> folded) {
        BitSet[] matched = new BitSet[folded.size()];
        boolean[] negation = new boolean[folded.size()];
        for (int i = 0; i < matched.length; i++) {
            matched[i] = new BitSet(words.size());
            words.match(folded.get(i), matched[i]);
            negation[i] = negations.contains(folded.get(i));
        }
        List<Hit> hits = new ArrayList<>();
        BitSet tried = new BitSet(rules.size());
        for (int start = 0; start < matched.length; start++) {
            tried.clear();
            for (int id = matched[start].nextSetBit(0); id >= 0; id = matched[start].nextSetBit(id + 1)) {
                for (int r : rulesByFirstWord.getOrDefault(id, List.of())) {
                    if (!tried.get(r)) {
                        tried.set(r);
                        int end = end(rules.get(r), 1, start, matched, negation);
                        if (end >= 0) {
                            hits.add(new Hit(rules.get(r).rule(), start, end));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Where the rule's slots from {@code slot} on end when slot {@code slot - 1} matched at {@code at}, or -1. */
    private static int end(Compiled rule, int slot, int at, BitSet[] matched, boolean[] negation) {
        if (slot == rule.ids().length) {
            return at;
        }
        for (int next = at + 1; next <= at + 1 + rule.gaps()[slot] && next < matched.length; next++) {
            if (next > at + 1 && negation[next - 1]) {
                return -1;
            }
            if (any(matched[next], rule.ids()[slot])) {
                int end = end(rule, slot + 1, next, matched, negation);
                if (end >= 0) {
                    return end;
                }
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
