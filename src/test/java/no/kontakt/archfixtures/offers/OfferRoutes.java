package no.kontakt.archfixtures.offers;

/** A domain service that takes a Javalin request (a violation: HTTP belongs to the web layer). */
public final class OfferRoutes {
    String offerId(io.javalin.http.Context ctx) {
        return ctx.pathParam("id");
    }
}
