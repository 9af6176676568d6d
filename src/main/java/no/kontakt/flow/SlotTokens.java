package no.kontakt.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kontakt.text.Fold;

/**
 * A message split for the slot readers: folded, squeezed words ({@link Fold#match}, {@link Fold#squeeze};
 * apostrophes dropped, so "don't" is "dont" and "I'm" is "im") and {@link #BREAK} where a clause ends (, . ; ! ? and
 * a line break), with each word's original spelling kept for names.
 */
final class SlotTokens {
    /** The token standing for the end of a clause. */
    static final String BREAK = "|";
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'\u2019\u00B4`]+(?:-[\\p{L}\\p{N}]+)*|[,.;!?:\\n]");

    /** The longest phrase any reader looks up. */
    static final int MAX_PHRASE = 6;

    final List<String> words;
    final List<String> original;
    /** Phrases built once: {@code phrases[i][n - 1]} is the {@code n} words from {@code i}. */
    private final String[][] phrases;

    private SlotTokens(List<String> words, List<String> original) {
        this.words = Collections.unmodifiableList(words);
        this.original = Collections.unmodifiableList(original);
        this.phrases = new String[words.size()][];
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
            String plain = withoutApostrophes(raw);
            String folded = fold(plain);
            if (!folded.isEmpty()) {
                words.add(folded);
                original.add(plain);
            }
        }
        return new SlotTokens(words, original);
    }

    private static String withoutApostrophes(String raw) {
        StringBuilder b = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean apostrophe = Fold.isApostrophe(c);
            if (apostrophe && b == null) {
                b = new StringBuilder(raw.substring(0, i));
            } else if (!apostrophe && b != null) {
                b.append(c);
            }
        }
        return b == null ? raw : b.toString();
    }

    /** One word folded and squeezed as the readers compare it. */
    static String fold(String word) {
        if (plainAscii(word)) {
            return Fold.squeeze(Fold.match(word), 1);
        }
        return Fold.squeeze(Fold.match(Text.lowerWithSwedishNo(word)).replace(" ", ""), 1);
    }

    /** Letters a-z, A-Z and digits only: folding is lowercasing. */
    private static boolean plainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    /** A set of folded, squeezed words or phrases (words joined by one space). */
    static PhraseSet set(String... entries) {
        PhraseSet out = new PhraseSet();
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
        if (n > MAX_PHRASE) {
            throw new IllegalArgumentException("phrases have at most " + MAX_PHRASE + " words, asked for " + n);
        }
        String[] built = phrases[from];
        if (built == null) {
            built = new String[MAX_PHRASE];
            StringBuilder b = new StringBuilder();
            for (int k = from; k < Math.min(words.size(), from + MAX_PHRASE); k++) {
                b.append(k > from ? " " : "").append(words.get(k));
                built[k - from] = b.toString();
            }
            phrases[from] = built;
        }
        int last = Math.min(words.size() - from, n);
        return built[last - 1];
    }

    /** True when a word or phrase of {@code set} (up to {@code maxWords} words) starts at {@code i}. */
    int matchAt(int i, PhraseSet set, int maxWords) {
        if (i < 0 || i >= words.size() || !set.startsWith(words.get(i))) {
            return 0;
        }
        for (int n = maxWords; n >= 1; n--) {
            if (i + n <= words.size() && set.contains(phrase(i, n))) {
                return n;
            }
        }
        return 0;
    }
}
