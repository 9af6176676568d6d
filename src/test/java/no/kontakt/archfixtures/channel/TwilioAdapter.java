package no.kontakt.archfixtures.channel;

/** A channel adapter that knows the Twilio SDK (allowed: that is what adapters are for). */
public final class TwilioAdapter {
    com.twilio.Twilio twilio;
}
