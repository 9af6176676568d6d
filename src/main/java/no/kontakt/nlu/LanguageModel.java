package no.kontakt.nlu;

import java.util.Map;

/** A model of the unit's languages, learnt from its own texts: the probability of each language given a message. */
public interface LanguageModel {
    /** The probability of each language given the text (summing to 1), or empty when there is no text. */
    Map<String, Double> probabilities(String text);
}
