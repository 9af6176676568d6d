// Accounts (#brukere): who may log in and with which role; add one, change a role or a password, reset a second
// factor, remove one. Each change ends that person's logins at once (the server does that).
import {$, el, say as sayIn} from "./dom.js";
import {api} from "./api.js";

const ROLES = [["staff", "Ansatt"], ["peer", "Erfaringskonsulent"], ["oncall", "Vakt"], ["admin", "Administrator"]];

function say(text, kind) {
  sayIn("users-status", text, kind);
}

function roleSelect(id, value) {
  return el("select", {id}, ROLES.map(([v, label]) => el("option", {value: v, selected: v === value}, label)));
}

async function change(username, body, done) {
  try {
    await api.send("PATCH", "/api/admin/users/" + encodeURIComponent(username), body);
    say(done, "ok");
    await listUsers();
  } catch (e) {
    if (e.status === 401) throw e;
    say(`Kunne ikke endre ${username}: ${e.message}`, "bad");
  }
}

function row(user, index) {
  const roleId = `user-role-${index}`;
  const passwordId = `user-password-${index}`;
  const select = roleSelect(roleId, user.role);
  const unitsId = `user-units-${index}`;
  const units = el("input", {id: unitsId, type: "text", value: (user.units || []).join(", "), size: "12"});
  const password = el("input", {id: passwordId, type: "password", autocomplete: "new-password", minlength: "12"});
  return el("tr", {},
    el("th", {scope: "row"}, user.username),
    el("td", {},
      el("label", {for: roleId, class: "visually-hidden"}, `Rolle for ${user.username}`), select,
      el("button", {type: "button", onclick: () => change(user.username, {role: select.value}, `${user.username} har nå rollen ${select.value}. Innloggingene er avsluttet.`)}, "Lagre rolle")),
    el("td", {},
      el("label", {for: unitsId, class: "visually-hidden"}, `Enheter for ${user.username} (* er alle)`), units,
      el("button", {type: "button", onclick: () => change(user.username, {units: units.value.split(",").map((u) => u.trim()).filter((u) => u)},
        `${user.username} ser nå enhetene ${units.value}. Innloggingene er avsluttet.`)}, "Lagre enheter")),
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
        await api.del("/api/admin/users/" + encodeURIComponent(user.username));
        say(`${user.username} er fjernet.`, "ok");
        await listUsers();
      } catch (e) {
        if (e.status === 401) throw e;
        say(`Kunne ikke fjerne ${user.username}: ${e.message}`, "bad");
      }
    }}, "Fjern")));
}

async function listUsers() {
  const users = await api.get("/api/admin/users");
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
      const made = await api.post("/api/admin/users", body);
      $("new-username").value = "";
      $("new-password").value = "";
      say(`${made.username} er lagt til.`, "ok");
      await listUsers();
    } catch (e) {
      if (e.status === 401) throw e;
      say(`Kunne ikke legge til brukeren: ${e.message}`, "bad");
    }
  });
}

/** Shows the accounts view: the table, and the form for a new account (set up once). */
export async function showUsers() {
  initUsers();
  await listUsers();
}
