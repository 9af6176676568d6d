// Signing in on /inbox and /admin, beside api.js: the single sign-on link (shown when the server has it set up),
// the code field that appears once an account has a second factor, the enrolment of a second factor (QR code,
// key, code), and the accounts view of /admin. Plain JavaScript, nothing inline (strict CSP), no third-party code.
"use strict";

const KontaktSignIn = (() => {
  const $ = (id) => document.getElementById(id);
  const ROLES = [["staff", "Ansatt"], ["peer", "Erfaringskonsulent"], ["oncall", "Vakt"], ["admin", "Administrator"]];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

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

  // ---------------------------------------------------------------- the accounts view (/admin)

  function say(text, kind) {
    const box = $("users-status");
    box.textContent = text;
    box.className = "action-status" + (kind ? " " + kind : "");
  }

  function roleSelect(id, value) {
    return el("select", {id}, ROLES.map(([v, label]) => el("option", {value: v, selected: v === value}, label)));
  }

  async function change(username, body, done) {
    try {
      await KontaktApi.send("PATCH", "/api/admin/users/" + encodeURIComponent(username), body);
      say(done, "ok");
      await showUsers();
    } catch (e) {
      if (e.status === 401) throw e;
      say(`Kunne ikke endre ${username}: ${e.message}`, "bad");
    }
  }

  function row(user, index) {
    const roleId = `user-role-${index}`;
    const passwordId = `user-password-${index}`;
    const select = roleSelect(roleId, user.role);
    const password = el("input", {id: passwordId, type: "password", autocomplete: "new-password", minlength: "12"});
    return el("tr", {},
      el("th", {scope: "row"}, user.username),
      el("td", {},
        el("label", {for: roleId, class: "visually-hidden"}, `Rolle for ${user.username}`), select,
        el("button", {type: "button", onclick: () => change(user.username, {role: select.value}, `${user.username} har nå rollen ${select.value}. Innloggingene er avsluttet.`)}, "Lagre rolle")),
      el("td", {}, user.totp ? "Satt opp" : "Ikke satt opp",
        user.totp ? el("button", {type: "button", onclick: () => change(user.username, {resetTotp: true}, `Totrinnsinnloggingen til ${user.username} er nullstilt.`)}, "Nullstill") : null),
      el("td", {},
        el("label", {for: passwordId}, `Nytt passord for ${user.username}`), password,
        el("button", {type: "button", onclick: () => {
          if (password.value.length < 12) {
            say("Et passord må ha minst 12 tegn.", "bad");
            password.focus();
            return;
          }
          change(user.username, {password: password.value}, `${user.username} har fått nytt passord. Innloggingene er avsluttet.`);
        }}, "Lagre passord")),
      el("td", {}, el("button", {type: "button", class: "danger", onclick: async () => {
        if (!confirm(`Fjerne ${user.username}? Innloggingene avsluttes med en gang.`)) return;
        try {
          await KontaktApi.del("/api/admin/users/" + encodeURIComponent(user.username));
          say(`${user.username} er fjernet.`, "ok");
          await showUsers();
        } catch (e) {
          if (e.status === 401) throw e;
          say(`Kunne ikke fjerne ${user.username}: ${e.message}`, "bad");
        }
      }}, "Fjern")));
  }

  async function showUsers() {
    const users = await KontaktApi.get("/api/admin/users");
    $("users-body").replaceChildren(...users.map(row));
  }

  let formReady = false;
  function initUsers() {
    if (formReady) return;
    formReady = true;
    const select = $("new-role");
    select.replaceChildren(...ROLES.map(([v, label]) => el("option", {value: v}, label)));
    $("user-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const body = {username: $("new-username").value.trim(), role: select.value};
      if ($("new-password").value) body.password = $("new-password").value;
      if (!body.username) {
        say("Skriv et brukernavn.", "bad");
        $("new-username").focus();
        return;
      }
      try {
        const made = await KontaktApi.post("/api/admin/users", body);
        $("new-username").value = "";
        $("new-password").value = "";
        say(`${made.username} er lagt til.`, "ok");
        await showUsers();
      } catch (e) {
        if (e.status === 401) throw e;
        say(`Kunne ikke legge til brukeren: ${e.message}`, "bad");
      }
    });
  }

  return {offerSso, code, refusal, resetCode, enrol, users: async () => { initUsers(); await showUsers(); }};
})();
