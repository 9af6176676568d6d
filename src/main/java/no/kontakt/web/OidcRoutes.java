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
import no.kontakt.inbox.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE. {@code GET /auth/oidc/login}
 * puts the pending login (state, nonce, PKCE verifier, start time, a random id) into a short-lived HttpOnly cookie, signed
 * with a key derived from the shared secret, so that only the browser that started it holds it and the provider may send it
 * back to any instance; then redirects to the identity provider.
 * {@code GET /auth/oidc/callback} takes that pending login once, on any instance (its id is remembered with the failed
 * logins; a missing, forged or used cookie, or a different {@code state}: 400),
 * swaps the code for tokens, checks the ID token's signature against the provider's keys, its issuer, audience,
 * expiry and nonce, and admits the person when a Kontakt account has the token's {@code preferred_username}
 * (or else its {@code email}) as its name (otherwise 403). The role is the account's; the token's claims give
 * none. The session is the one a password login makes; the browser goes on to /inbox.
 */
final class OidcRoutes {
    private static final Logger log = LoggerFactory.getLogger(OidcRoutes.class);
    static final String COOKIE = "kontakt_oidc";
    static final Duration PENDING = Duration.ofMinutes(10);

    /** The settings: the issuer (its discovery document is read on first use), the client, and where the provider sends the browser back. */
    record Settings(URI issuer, String clientId, String clientSecret, URI redirect) {}

    private record Pending(State state, Nonce nonce, CodeVerifier verifier, Instant startedAt) {}

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    private final Settings settings;
    private final Accounts accounts;
    private final AuthRoutes sessions;
    private final boolean secureCookies;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final java.util.function.UnaryOperator<String> tag;
    private volatile Provider provider;

    /** @param tag the keyed hash that signs a pending login (null: a key of this process only) */
    OidcRoutes(Settings settings, Accounts accounts, AuthRoutes sessions, boolean secureCookies, Clock clock,
               java.util.function.UnaryOperator<String> tag) {
        this.tag = tag != null ? tag : processTag();
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

    /** A keyed hash with a key of this process: pending logins come back to this instance only. */
    private static java.util.function.UnaryOperator<String> processTag() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        javax.crypto.spec.SecretKeySpec spec = new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
        return value -> {
            try {
                javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(spec);
                return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        };
    }

    /** The cookie of a pending login: its fields as hex, a dot, and their tag. */
    private String seal(Pending p, String id) {
        String fields = String.join(" ", p.state().getValue(), p.nonce().getValue(), p.verifier().getValue(),
                Long.toString(p.startedAt().getEpochSecond()), id);
        String hex = java.util.HexFormat.of().formatHex(fields.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return hex + "." + tag.apply(hex);
    }

    /** The pending login and its id from a cookie this Kontakt signed; null for anything else. */
    private Map.Entry<String, Pending> open(String cookie) {
        int dot = cookie == null ? -1 : cookie.indexOf('.');
        if (dot <= 0 || !cookie.substring(0, dot).matches("[0-9a-f]+")) {
            return null;
        }
        String hex = cookie.substring(0, dot);
        if (!java.security.MessageDigest.isEqual(tag.apply(hex).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return null;
        }
        String[] f = new String(java.util.HexFormat.of().parseHex(hex), java.nio.charset.StandardCharsets.US_ASCII).split(" ");
        if (f.length != 5) {
            return null;
        }
        return Map.entry(f[4], new Pending(new State(f[0]), new Nonce(f[1]), new CodeVerifier(f[2]), Instant.ofEpochSecond(Long.parseLong(f[3]))));
    }

    private void login(Context ctx) {
        Provider p = provider();
        Instant now = clock.instant();
        Pending started = new Pending(new State(), new Nonce(), new CodeVerifier(), now);
        String binding = seal(started, randomId());
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
        Map.Entry<String, Pending> opened = open(ctx.cookie(COOKIE));
        Pending started = opened == null || !accounts.firstReturn(opened.getKey()) ? null : opened.getValue();
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
