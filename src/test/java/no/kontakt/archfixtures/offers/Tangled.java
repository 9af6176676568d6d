package no.kontakt.archfixtures.offers;

/** Half of a cycle between two packages. */
public final class Tangled {
    no.kontakt.archfixtures.privacy.Tangled other;
}
