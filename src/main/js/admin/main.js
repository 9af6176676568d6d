// The coordinator's page (/admin): log in, the parts chosen at the top (#samtaler, #innstillinger, …), and the
// start. Each part is its own module; this bundle (built by esbuild from src/main/js, CodeMirror included) runs
// after assets/api.js and assets/signin.js. Nothing inline (strict content security policy), nothing fetched
// from elsewhere.
import {$, say} from "./dom.js";
import {api, call, onSessionLost, signIn} from "./api.js";
import {Scripts} from "./scripts.js";
import {SettingsView} from "./settings.js";
import {Canned} from "./canned.js";
import {Stats} from "./stats.js";
import {Access} from "./access.js";
import {Reword} from "./transcripts.js";
import {showUsers} from "./users.js";

const VIEWS = {samtaler: "scripts-view", innstillinger: "settings-view", ferdigsvar: "canned-view", statistikk: "stats-view",
  brukere: "users-view", innsyn: "access-view"};

function showLogin(message) {
  for (const id of Object.values(VIEWS)) $(id).hidden = true;
  $("nav").hidden = true;
  $("who").hidden = true;
  $("totp-view").hidden = true;
  $("login-view").hidden = false;
  $("login-error").textContent = message || "";
  signIn.resetCode();
  $("username").focus();
}

async function showApp(session, focus) {
  $("login-view").hidden = true;
  if (session.mustEnrolTotp) { // an admin sets up the second factor before anything else
    await signIn.enrol(() => { for (const id of Object.values(VIEWS)) $(id).hidden = true; });
  }
  $("nav").hidden = false;
  $("who").hidden = false;
  $("who-name").textContent = `Logget inn som ${session.username}`;
  await route(focus);
}

async function route(focus) {
  const hash = location.hash.replace(/^#/, "");
  const [view, arg] = hash.split("/");
  const name = VIEWS[view] ? view : "samtaler";
  for (const [key, id] of Object.entries(VIEWS)) $(id).hidden = key !== name;
  for (const a of document.querySelectorAll("#nav a")) {
    if (a.getAttribute("href") === "#" + name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  if (focus && !(name === "samtaler" && arg)) $(VIEWS[name]).querySelector("h2").focus();
  if (name === "samtaler") await Scripts.show(arg, focus);
  if (name === "innstillinger") await SettingsView.show();
  if (name === "ferdigsvar") await Canned.show();
  if (name === "statistikk") await Stats.show();
  if (name === "brukere") await call(showUsers());
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const username = $("username").value.trim();
  const password = $("password").value;
  if (!username || !password) {
    $("login-error").textContent = "Skriv brukernavn og passord.";
    return;
  }
  try {
    const session = await api.login(username, password, signIn.code());
    $("password").value = "";
    signIn.resetCode();
    if (session.role !== "admin") {
      await api.logout();
      $("login-error").textContent = `Kontoen ${session.username} har rollen ${session.role}. Denne siden er for administratorer.`;
      return;
    }
    $("login-error").textContent = "";
    await showApp(session, true);
  } catch (e) {
    $("login-error").textContent = signIn.refusal(e);
  }
});

$("logout").addEventListener("click", async () => {
  if (Scripts.dirty && !confirm("Du har endringer som ikke er lagret. Logge ut likevel?")) return;
  Scripts.dirty = false;
  try { await api.logout(); } catch (e) { /* logged out anyway */ }
  showLogin("Du er logget ut.");
});

// Links in the script list open a script through the address (#samtaler/contact), so Back works too.
window.addEventListener("hashchange", () => {
  if (api.session()) route(true).catch((e) => say("status", `Noe gikk galt: ${e.message}`, "bad"));
});
window.addEventListener("beforeunload", (event) => {
  if (Scripts.dirty || SettingsView.dirty) {
    event.preventDefault();
    event.returnValue = "";
  }
});

async function start() {
  onSessionLost(showLogin);
  Scripts.init();
  SettingsView.init();
  Canned.init();
  Stats.init();
  Reword.init(() => Scripts.name);
  Access.init();
  signIn.offerSso();
  const session = await api.resume();
  if (session && session.role === "admin") await showApp(session, false);
  else showLogin(session ? `Kontoen ${session.username} har rollen ${session.role}. Denne siden er for administratorer.` : "");
}

start().catch((e) => say("status", `Noe gikk galt: ${e.message}`, "bad"));
