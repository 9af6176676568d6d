package no.kontakt.nlu;

/** A lexicon file that cannot be read; the message names the file and line, e.g. {@code nlu/risk-nb.txt:12: ...}. */
public final class LexiconException extends RuntimeException {
    LexiconException(String message) {
        super(message);
    }

    LexiconException(String message, Throwable cause) {
        super(message, cause);
    }
}
