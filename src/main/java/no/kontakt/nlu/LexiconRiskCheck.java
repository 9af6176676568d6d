package no.kontakt.nlu;

import no.kontakt.conversation.RiskCheck;

/** The safety net's risk check on the per-language lexicons of {@link RiskDetector}. */
public final class LexiconRiskCheck implements RiskCheck {
    private final RiskDetector detector;

    public LexiconRiskCheck(RiskDetector detector) {
        this.detector = detector;
    }

    @Override
    public Assessment assess(String text, String language) {
        RiskAssessment a = detector.assess(text == null ? "" : text, language);
        return new Assessment(a.risk(), a.reasons());
    }
}
