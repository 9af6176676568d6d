package no.kontakt.conversation;

/** Guesses the language of a conversation from its first message and the sender's address. */
public interface LanguageGuess {

    /** @param current the conversation's language so far, or null for a new conversation */
    String guess(String text, String from, String current);
}
