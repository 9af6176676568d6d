package no.kontakt.archfixtures.privacy;

/** The other half of the cycle. */
public final class Tangled {
    no.kontakt.archfixtures.offers.Tangled other;
}
