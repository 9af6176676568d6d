package no.kontakt.archfixtures.flow;

/** An engine class that depends on nothing outside the engine (allowed). */
public final class PureStep {
    String id;
}
