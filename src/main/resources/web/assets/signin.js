// Signing in on /inbox and /admin, beside api.js: the single sign-on link (shown when the server has it set up),
// the code field that appears once an account has a second factor, the enrolment of a second factor (QR code,
// key, code). The accounts view of /admin is in the admin page's own script (src/main/js/admin/users.js).
// Plain JavaScript, nothing inline (strict CSP), no third-party code.
"use strict";

const KontaktSignIn = (() => {
  const $ = (id) => document.getElementById(id);

  /** Shows the "sign in with the municipality's account" link when single sign-on is set up. */
  async function offerSso() {
    try {
      const info = await KontaktApi.get("/auth/oidc");
      if ($("sso")) $("sso").hidden = !info.enabled;
    } catch (e) {
      // no sign-on: the password form is all there is
    }
  }

  /** The code typed on the login form, or undefined when the field is hidden or empty. */
  function code() {
    const field = $("code");
    return field && !field.hidden && field.value.trim() ? field.value.trim() : undefined;
  }

  /** A login refusal in words; reveals the code field when the account has a second factor. */
  function refusal(e) {
    if (e.code === "totp_required" || e.code === "totp_invalid") {
      $("code").hidden = false;
      $("code-label").hidden = false;
      $("code").value = "";
      $("code").focus();
      return e.code === "totp_required" ? "Skriv inn koden fra autentiseringsappen også."
        : "Koden stemmer ikke, eller den er brukt før. Vent på neste kode og prøv igjen.";
    }
    if (e.status === 401) return "Feil brukernavn eller passord.";
    if (e.status === 429) return "For mange forsøk. " + (e.message || "Vent litt og prøv igjen.");
    return e instanceof KontaktApi.ApiError ? e.message : "Fikk ikke kontakt med serveren. Prøv igjen.";
  }

  /** Hides the code field again (after a login or a logout). */
  function resetCode() {
    if ($("code")) {
      $("code").value = "";
      $("code").hidden = true;
      $("code-label").hidden = true;
    }
  }

  /**
   * Sets up a second factor in the #totp-view section: starts it on the server, shows the QR code and the key,
   * and resolves once the person has confirmed a code from their app.
   */
  function enrol(hideOthers) {
    return new Promise((resolve, reject) => {
      hideOthers();
      const view = $("totp-view");
      view.hidden = false;
      $("totp-error").textContent = "";
      KontaktApi.post("/api/me/totp", {}).then((started) => {
        $("totp-secret").textContent = started.secret.replace(/(.{4})/g, "$1 ").trim();
        $("totp-qr").src = "/api/me/totp/qr.png?t=" + Date.now();
        $("totp-heading").focus();
      }).catch(reject);
      const form = $("totp-form");
      const submit = async (event) => {
        event.preventDefault();
        const value = $("totp-code").value.replace(/\s/g, "");
        if (!/^\d{6}$/.test(value)) {
          $("totp-error").textContent = "Skriv de seks sifrene appen viser.";
          $("totp-code").focus();
          return;
        }
        try {
          await KontaktApi.post("/api/me/totp/confirm", {code: value});
          form.removeEventListener("submit", submit);
          $("totp-code").value = "";
          view.hidden = true;
          resolve();
        } catch (e) {
          $("totp-error").textContent = e.status === 400 ? "Koden stemmer ikke. Sjekk at klokka på telefonen er riktig, og skriv koden appen viser nå."
            : (e instanceof KontaktApi.ApiError ? e.message : "Fikk ikke kontakt med serveren. Prøv igjen.");
          $("totp-code").focus();
          if (e.status === 401) {
            form.removeEventListener("submit", submit);
            reject(e);
          }
        }
      };
      form.addEventListener("submit", submit);
    });
  }

  return {offerSso, code, refusal, resetCode, enrol};
})();
