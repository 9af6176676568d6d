package no.kontakt.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message split for the slot readers: folded, squeezed words ({@link Text#normalize}, {@link Text#squeeze};
 * apostrophes dropped, so "don't" is "dont" and "I'm" is "im") and {@link #BREAK} where a clause ends (, . ; ! ? and
 * a line break), with each word's original spelling kept for names.
 */
final class SlotTokens {
    /** The token standing for the end of a clause. */
    static final String BREAK = "|";
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'\u2019\u00B4`]+(?:-[\\p{L}\\p{N}]+)*|[,.;!?:\\n]");

    final List<String> words;
    final List<String> original;

    private SlotTokens(List<String> words, List<String> original) {
        this.words = Collections.unmodifiableList(words);
        this.original = Collections.unmodifiableList(original);
    }

    static SlotTokens of(String text) {
        List<String> words = new ArrayList<>();
        List<String> original = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String raw = m.group();
            if (raw.length() == 1 && ",.;!?:\n".indexOf(raw.charAt(0)) >= 0) {
                if (!words.isEmpty() && !words.get(words.size() - 1).equals(BREAK)) {
                    words.add(BREAK);
                    original.add(raw);
                }
                continue;
            }
            String plain = raw.replaceAll("['\u2019\u00B4`]", "");
            String folded = fold(plain);
            if (!folded.isEmpty()) {
                words.add(folded);
                original.add(plain);
            }
        }
        return new SlotTokens(words, original);
    }

    /** One word folded and squeezed as the readers compare it. */
    static String fold(String word) {
        return Text.squeeze(Text.normalize(Text.lowerWithSwedishNo(word)).replace(" ", ""));
    }

    /** A set of folded, squeezed words or phrases (words joined by one space). */
    static Set<String> set(String... entries) {
        Set<String> out = new HashSet<>();
        for (String e : entries) {
            List<String> parts = new ArrayList<>();
            for (String w : e.split(" ")) {
                parts.add(fold(w));
            }
            out.add(String.join(" ", parts));
        }
        return out;
    }

    int size() {
        return words.size();
    }

    String at(int i) {
        return i >= 0 && i < words.size() ? words.get(i) : BREAK;
    }

    /** The words from {@code from}, {@code n} of them, joined by spaces (shorter at the end). */
    String phrase(int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < Math.min(words.size(), from + n); k++) {
            b.append(k > from ? " " : "").append(words.get(k));
        }
        return b.toString();
    }

    /** True when a word or phrase of {@code set} (up to {@code maxWords} words) starts at {@code i}. */
    int matchAt(int i, Set<String> set, int maxWords) {
        for (int n = maxWords; n >= 1; n--) {
            if (i + n <= words.size() && set.contains(phrase(i, n))) {
                return n;
            }
        }
        return 0;
    }
}
