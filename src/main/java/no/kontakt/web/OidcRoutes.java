package no.kontakt.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.kontakt.inbox.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE. {@code GET /auth/oidc/login}
 * keeps a pending login on the server (state, nonce, PKCE verifier) under a random id that only the browser that
 * started it holds, in a short-lived HttpOnly cookie, and redirects to the identity provider.
 * {@code GET /auth/oidc/callback} takes that pending login once (a missing or different {@code state}: 400),
 * swaps the code for tokens, checks the ID token's signature against the provider's keys, its issuer, audience,
 * expiry and nonce, and admits the person when a Kontakt account has the token's {@code preferred_username}
 * (or else its {@code email}) as its name (otherwise 403). The role is the account's; the token's claims give
 * none. The session is the one a password login makes; the browser goes on to /inbox.
 */
final class OidcRoutes {
    private static final Logger log = LoggerFactory.getLogger(OidcRoutes.class);
    static final String COOKIE = "kontakt_oidc";
    static final Duration PENDING = Duration.ofMinutes(10);
    private static final int MAX_PENDING = 10_000;

    /** The settings: the issuer (its discovery document is read on first use), the client, and where the provider sends the browser back. */
    record Settings(URI issuer, String clientId, String clientSecret, URI redirect) {}

    private record Pending(State state, Nonce nonce, CodeVerifier verifier, Instant startedAt) {}

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private final Settings settings;
    private final Accounts accounts;
    private final AuthRoutes sessions;
    private final boolean secureCookies;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Provider provider;

    OidcRoutes(Settings settings, Accounts accounts, AuthRoutes sessions, boolean secureCookies, Clock clock) {
        this.settings = settings;
        this.accounts = accounts;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/auth/oidc/login", this::login);
        routes.get("/auth/oidc/callback", this::callback);
        routes.get("/auth/oidc", ctx -> ctx.json(Map.of("enabled", true)));
    }

    /** Where the pages learn whether to show the sign-on button, when sign-on is not set up. */
    static void registerDisabled(RoutesConfig routes) {
        routes.get("/auth/oidc", ctx -> ctx.json(Map.of("enabled", false)));
        routes.get("/auth/oidc/login", ctx -> { throw ApiError.notFound("Single sign-on is not set up: set KONTAKT_OIDC_ISSUER and KONTAKT_OIDC_CLIENT_ID."); });
        routes.get("/auth/oidc/callback", ctx -> { throw ApiError.notFound("Single sign-on is not set up: set KONTAKT_OIDC_ISSUER and KONTAKT_OIDC_CLIENT_ID."); });
    }

    private void login(Context ctx) {
        Provider p = provider();
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(x -> x.startedAt().plus(PENDING).isBefore(now));
            if (pending.size() >= MAX_PENDING) {
                throw new ApiError(503, "busy", "Too many sign-ins are under way; try again in a minute.");
            }
        }
        Pending started = new Pending(new State(), new Nonce(), new CodeVerifier(), now);
        String binding = randomId();
        pending.put(binding, started);
        ctx.cookie(new Cookie(COOKIE, binding, "/auth/oidc", (int) PENDING.toSeconds(), secureCookies, true, null, SameSite.LAX));
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new Scope("openid", "profile", "email"), new ClientID(settings.clientId()), settings.redirect())
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(started.state())
                .nonce(started.nonce())
                .codeChallenge(started.verifier(), CodeChallengeMethod.S256)
                .build();
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(request.toURI().toString(), io.javalin.http.HttpStatus.FOUND);
    }

    private void callback(Context ctx) {
        String binding = ctx.cookie(COOKIE);
        Pending started = binding == null ? null : pending.remove(binding);
        ctx.removeCookie(COOKIE, "/auth/oidc");
        String state = ctx.queryParam("state");
        if (started == null || state == null || !started.state().getValue().equals(state)
                || started.startedAt().plus(PENDING).isBefore(clock.instant())) {
            throw new ApiError(400, "bad_state", "This sign-in was not started in this browser, or it took too long. Start again at /auth/oidc/login.");
        }
        if (ctx.queryParam("error") != null) {
            throw new ApiError(401, "oidc_error", "The identity provider refused the sign-in: " + ctx.queryParam("error") + ".");
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            throw ApiError.badRequest("The identity provider sent no code.");
        }
        Provider p = provider();
        IDTokenClaimsSet claims;
        try {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirect(), started.verifier());
            URI tokenEndpoint = p.metadata().getTokenEndpointURI();
            TokenRequest request = settings.clientSecret() == null || settings.clientSecret().isBlank()
                    ? new TokenRequest(tokenEndpoint, new ClientID(settings.clientId()), grant)
                    : new TokenRequest(tokenEndpoint, new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())), grant);
            TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                log.warn("oidc token request refused error={}", response.toErrorResponse().getErrorObject().getCode());
                throw new ApiError(401, "oidc_token_refused", "The identity provider did not give a token for this sign-in; start again.");
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            if (idToken == null) {
                throw new ApiError(401, "invalid_id_token", "The identity provider sent no ID token.");
            }
            claims = p.validator().validate(idToken, started.nonce());
        } catch (BadJOSEException | JOSEException e) {
            log.warn("oidc id token refused reason={}", e.getMessage());
            throw new ApiError(401, "invalid_id_token", "The ID token from the identity provider is not valid here (" + e.getMessage() + ").");
        } catch (ParseException | IOException e) {
            log.warn("oidc token request failed reason={}", e.getMessage());
            throw new ApiError(502, "oidc_unavailable", "The identity provider could not be reached or answered wrongly; try again.");
        }
        Optional<Accounts.Login> login = Optional.empty();
        for (String claim : new String[] {"preferred_username", "email"}) {
            String name = stringClaim(claims, claim);
            if (name != null && login.isEmpty()) {
                login = accounts.loginTrusted(name);
            }
        }
        if (login.isEmpty()) {
            log.warn("oidc sign-in of an unknown user issuer={}", claims.getIssuer());
            throw new ApiError(403, "unknown_user", "You signed in, but Kontakt has no account for you. Ask an admin to add your user name "
                    + "(as your identity provider gives it, often your e-mail address).");
        }
        sessions.cookie(ctx, login.get());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/inbox", io.javalin.http.HttpStatus.FOUND);
    }

    private static String stringClaim(IDTokenClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    /** The provider's discovery document and keys, read once (again after a failure). */
    private Provider provider() {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (provider == null) {
                try {
                    OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer().toString()));
                    JWSAlgorithm alg = metadata.getIDTokenJWSAlgs() == null || metadata.getIDTokenJWSAlgs().isEmpty()
                            || metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256) ? JWSAlgorithm.RS256 : metadata.getIDTokenJWSAlgs().get(0);
                    IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(settings.clientId()), alg,
                            metadata.getJWKSetURI().toURL());
                    provider = new Provider(metadata, validator);
                } catch (Exception e) {
                    log.warn("oidc discovery failed issuer={} reason={}", settings.issuer(), e.toString());
                    throw new ApiError(503, "oidc_unavailable", "The identity provider's settings could not be read from "
                            + settings.issuer() + "; try again shortly.");
                }
            }
            return provider;
        }
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
