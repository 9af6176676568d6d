// The staff inbox (/inbox): log in, work the queue, open a conversation, take over and reply, close; contact
// requests, groups and courses, appointments. Live updates come over server-sent events (GET /api/inbox/events,
// the session cookie goes with them); arrivals are announced politely and never move the focus.
// Our own plain JavaScript over KontaktApi (assets/api.js); no framework, nothing loaded from elsewhere.
import {byId, fill, show} from "./inbox/dom.js";
import {createQueue} from "./inbox/queue.js";
import {createConversation} from "./inbox/conversation.js";
import * as lists from "./inbox/lists.js";

const ROLES = {staff: "ansatt", peer: "erfaringskonsulent", oncall: "vakt", admin: "administrator"};
const VIEWS = {queue: "queue-view", requests: "requests-view", offers: "offers-view", appointments: "appointments-view"};
const ROUTES = {"ko": "queue", "foresporsler": "requests", "tilbud": "offers", "avtaler": "appointments"};

const queue = createQueue();
const conversation = createConversation({queue, failed, me: () => (KontaktApi.session() || {}).username});
let live = null;
let view = null;
let resync = null;

/** Says something to screen readers without moving focus (the polite live region). */
function announce(text) {
  const region = byId("announcer");
  region.textContent = "";
  setTimeout(() => { region.textContent = text; }, 50);
}

/** An error from the API: a lapsed login goes back to the login form, anything else is shown where staff look. */
function failed(error, where) {
  if (error && error.status === 401) {
    showLogin("Du er logget ut (økten er utløpt eller avsluttet). Logg inn igjen.");
    return;
  }
  const region = where || byId("page-error");
  const message = error instanceof KontaktApi.ApiError ? error.message : "Fikk ikke kontakt med serveren. Prøv igjen.";
  region.textContent = "";
  region.textContent = message;
  if (!(error instanceof KontaktApi.ApiError)) console.error(error);
}
lists.onError(failed);

// --- login and logout ---

function showLogin(message) {
  stopLive();
  queue.reset();
  conversation.closeView();
  for (const id of Object.values(VIEWS)) show(byId(id), false);
  show(byId("nav"), false);
  show(byId("account"), false);
  show(byId("totp-view"), false);
  show(byId("login-view"), true);
  KontaktSignIn.resetCode();
  byId("page-error").textContent = "";
  byId("login-message").textContent = message || "";
  byId("password").value = "";
  byId("username").focus();
}

async function loggedIn(session, moveFocus) {
  show(byId("login-view"), false);
  byId("login-error").textContent = "";
  if (session.mustEnrolTotp) { // the second factor first: nothing else answers until it is set up
    try {
      await KontaktSignIn.enrol(() => { for (const id of Object.values(VIEWS)) show(byId(id), false); });
    } catch (e) {
      failed(e);
      return;
    }
  }
  fill(byId("whoami"), "Innlogget som ", session.username, " (", ROLES[session.role] || session.role, ")");
  show(byId("nav"), true);
  show(byId("account"), true);
  startLive();
  conversation.loadCanned().catch((e) => failed(e));
  await route(moveFocus);
}

byId("login-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const error = byId("login-error");
  error.textContent = "";
  byId("login-submit").disabled = true;
  try {
    const session = await KontaktApi.login(byId("username").value.trim(), byId("password").value, KontaktSignIn.code());
    byId("login-message").textContent = "";
    byId("password").value = "";
    KontaktSignIn.resetCode();
    await loggedIn(session, true);
  } catch (err) {
    error.textContent = KontaktSignIn.refusal(err);
    if (!err.code || !err.code.startsWith("totp")) byId("password").focus();
  } finally {
    byId("login-submit").disabled = false;
  }
});

byId("logout").addEventListener("click", async () => {
  stopLive();
  try {
    await KontaktApi.logout();
  } catch (e) {
    // logged out already: the form is what comes next either way
  }
  showLogin("Du er logget ut.");
});

// --- views: #/ko, #/ko/<id>, #/foresporsler, #/tilbud, #/avtaler ---

function parseHash() {
  const [, name = "ko", id] = location.hash.match(/^#\/([^/]*)\/?(.*)$/) || [];
  return {name: ROUTES[name] || "queue", id: id ? decodeURIComponent(id) : null};
}

async function route(moveFocus) {
  if (!KontaktApi.session()) return;
  const {name, id} = parseHash();
  view = name;
  for (const [key, element] of Object.entries(VIEWS)) show(byId(element), key === name);
  for (const a of byId("nav").querySelectorAll("a")) {
    if (a.dataset.view === name) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  byId("page-error").textContent = "";
  try {
    if (name === "queue") {
      await queue.load();
      if (id) await conversation.open(id, {focus: moveFocus});
      else {
        conversation.closeView();
        if (moveFocus) byId("queue-heading").focus();
      }
      return;
    }
    if (name === "requests") await lists.loadRequests();
    if (name === "offers") await lists.loadOffers();
    if (name === "appointments") await lists.loadAppointments();
    if (moveFocus) byId(name + "-heading").focus();
  } catch (e) {
    failed(e);
  }
}

window.addEventListener("hashchange", () => {
  if (location.hash === "" || location.hash.startsWith("#/")) route(true); // "#main" is the skip link: the browser handles it
});
byId("queue-list").addEventListener("click", (e) => {
  const link = e.target.closest("a.queue-item");
  if (link && link.dataset.id === conversation.id()) byId("conversation-heading").focus(); // open already
});
for (const radio of document.querySelectorAll("input[name=filter]")) {
  radio.addEventListener("change", () => queue.load().catch((e) => failed(e)));
}
byId("requests-filter").addEventListener("change", () => lists.loadRequests().catch((e) => failed(e)));

// --- live updates ---

let pending = new Map(); // conversation id → the event types seen since the last refresh
let timer = null;

function startLive() {
  stopLive();
  let reconnecting = false;
  const source = new EventSource("/api/inbox/events");
  live = source;
  for (const type of ["message", "urgent", "changed", "escalated"]) {
    source.addEventListener(type, (e) => received(type, JSON.parse(e.data)));
  }
  source.addEventListener("open", () => {
    setLiveState(true);
    if (reconnecting) refreshAll(); // what happened while we were away
    reconnecting = false;
  });
  source.addEventListener("error", async () => {
    setLiveState(false);
    reconnecting = true;
    if (source.readyState !== EventSource.CLOSED || live !== source) return; // the browser retries by itself
    if (await KontaktApi.resume()) setTimeout(() => { if (live === source) startLive(); }, 3000);
    else if (live === source) failed({status: 401});
  });
  resync = setInterval(() => queue.load().catch((e) => failed(e)), 60_000); // office opening or closing, clocks
}

function stopLive() {
  if (live) live.close();
  live = null;
  clearInterval(resync);
  setLiveState(false);
}

function setLiveState(on) {
  const state = byId("live-state");
  state.dataset.live = on ? "on" : "off";
  state.textContent = on ? "Oppdateres direkte" : live ? "Frakoblet – kobler til igjen …" : "";
}

function received(type, data) {
  const types = pending.get(data.conversation) || new Set();
  types.add(type);
  pending.set(data.conversation, types);
  clearTimeout(timer);
  timer = setTimeout(refreshAll, 150);
}

async function refreshAll() {
  const events = pending;
  pending = new Map();
  try {
    const news = await queue.load();
    if (view === "requests") await lists.loadRequests();
    if (view === "appointments") await lists.loadAppointments();
    if (view === "offers") await lists.loadOffers();
    if (conversation.id() && (events.has(conversation.id()) || events.size === 0)) await conversation.refresh();
    announceNews(events, news);
  } catch (e) {
    failed(e);
  }
}

function announceNews(events, news) {
  const said = [];
  const label = (id) => (queue.item(id) || {}).address || "en samtale";
  for (const [id, types] of events) {
    if (types.has("urgent")) said.push("Haster: " + label(id) + " trenger oppfølging nå.");
    else if (types.has("escalated")) said.push(label(id) + " nærmer seg fristen.");
  }
  for (const c of news.arrived) {
    if (!(events.get(c.id) || new Set()).has("urgent")) said.push("Ny i køen: " + (c.address || c.id) + (c.urgent ? ", haster." : "."));
  }
  for (const c of news.newRequests) said.push("Ny kontaktforespørsel fra " + (c.address || c.id) + ".");
  if (said.length) announce(said.join(" "));
}

// --- the clocks tick every second ---

setInterval(() => {
  queue.tick();
  conversation.tick();
}, 1000);

// --- start: a session the cookie still holds, or the login form ---

(async () => {
  KontaktSignIn.offerSso();
  const session = await KontaktApi.resume();
  if (session) await loggedIn(session, false);
  else showLogin("");
})();
