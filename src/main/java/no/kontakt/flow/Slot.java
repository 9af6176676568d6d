package no.kontakt.flow;

/** A slot of a contact request that a step can ask for; a reply to that question is read more freely. */
public enum Slot {
    /** "Vil du at vi ringer eller sender SMS?": "sms", "ring", "helst ikke telefon". */
    CHANNEL,
    /** "Når passer det?": a bare "14" or "nå" is a time here, not in a free message. */
    WINDOW,
    /** "Hva heter du?": a bare "Kari" is a name and "nei" is a wish to stay anonymous here. */
    NAME
}
