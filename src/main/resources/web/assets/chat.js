// Kontakt's web chat for citizens (/chat). Opens a session when the citizen first writes, sends messages, follows
// the conversation live (server-sent events: bot and staff replies, takeover, close) and keeps the session id in
// sessionStorage only (in memory where storage is blocked), never in a cookie. Texts: /assets/chat-texts.json.
// Plain JavaScript, no framework, no third-party code.
"use strict";

(() => {
  const cfg = document.body.dataset;
  const languages = (cfg.languages || "").split(" ").filter(Boolean);
  const max = Number(cfg.max) || 1000;
  const $ = (id) => document.getElementById(id);
  const list = $("messages");
  const form = $("chat-form");
  const input = $("message");
  const statusLine = $("status");
  const typingLine = $("typing");
  const quick = $("quick-replies");
  const intro = $("intro");
  const emergency = $("emergency");
  const more = $("sos-more");
  const urgentBox = $("urgent-notice");
  const KEY = "kontakt.chat.session" + (cfg.unitId ? "." + cfg.unitId : ""); // each unit's chat has its own session
  const store = sessionStore();

  let texts = null;
  let lang = cfg.lang;
  let session = store.getItem(KEY);
  let source = null;
  let lastEventId = null;
  let retryDelay = 3000;
  let retryTimer = null;
  let typingTimer = null;
  let lastStatus = null;
  let queue = Promise.resolve();
  let acked = null;
  let ackUpTo = null;
  let ackTimer = null;
  const shown = new Map(); // message id -> its <li>
  const pending = []; // messages sent and not yet confirmed: {text, clientId, li}

  function sessionStore() {
    try {
      const s = window.sessionStorage;
      s.setItem(KEY + ".probe", "1");
      s.removeItem(KEY + ".probe");
      return s;
    } catch (e) { // storage blocked (cookies off in some browsers): keep the session for this page only
      const m = new Map();
      return {getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, v), removeItem: (k) => m.delete(k)};
    }
  }

  // ---- texts and language ----
  function values() {
    return {unit: cfg.unit, days: cfg.days, max: String(max), emergency_number: cfg.emergencyNumber,
      medical_number: cfg.medicalNumber, crisis_line: cfg.crisisLine, crisis_line_name: cfg.crisisLineName};
  }

  function t(key) {
    const words = texts && (texts[lang] || texts[cfg.defaultLanguage]);
    const text = (words && words[key]) || "";
    const v = values();
    return text.replace(/\{\{([a-z_]+)\}\}/g, (m, k) => (v[k] !== undefined ? v[k] : m));
  }

  function applyTexts() {
    if (!texts) return;
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll("[data-t-label]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.tLabel)));
    if (!urgentBox.hidden) urgentBox.textContent = t("urgent");
  }

  function setLanguage(l) {
    if (l && l !== lang && languages.includes(l)) {
      lang = l;
      applyTexts();
    }
  }

  /** The first of the browser's languages the unit offers (nb/nn/da/sv/en), else the unit's default. */
  function browserLanguage() {
    if (cfg.explicitLang === "true") return cfg.lang;
    const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (const tag of tags) {
      const primary = String(tag).toLowerCase().split(/[-_]/)[0];
      const l = primary === "no" ? (cfg.defaultLanguage === "nn" ? "nn" : "nb") : primary;
      if (languages.includes(l)) return l;
    }
    return cfg.defaultLanguage;
  }

  // ---- the conversation on screen ----
  function addMessage(m) {
    if (m.id && shown.has(m.id)) return shown.get(m.id);
    const li = document.createElement("li");
    li.className = "msg msg-" + m.from;
    const who = document.createElement("span");
    who.className = m.from === "citizen" ? "who visually-hidden" : "who";
    who.dataset.t = m.from === "citizen" ? "you" : m.from;
    who.textContent = t(who.dataset.t) + (m.from === "citizen" ? ": " : "");
    const text = document.createElement("p");
    text.className = "text";
    text.textContent = m.text;
    li.append(who, text);
    if (m.id) remember(m.id, li);
    list.append(li);
    hideIntro();
    if (m.from !== "citizen") showQuickReplies(m.text);
    toBottom();
    return li;
  }

  function remember(id, li) {
    li.dataset.id = id;
    shown.set(id, li);
    if (!li.classList.contains("msg-citizen")) acknowledge(id);
  }

  /** Tells the server, shortly after a burst, which replies this page has shown (staff then see them delivered). */
  function acknowledge(id) {
    if (!session || (acked && id <= acked) || (ackUpTo && id <= ackUpTo)) return;
    ackUpTo = id;
    clearTimeout(ackTimer);
    ackTimer = setTimeout(() => {
      const upTo = ackUpTo;
      fetch("/api/chat/sessions/" + encodeURIComponent(session) + "/received", {method: "POST", credentials: "omit",
        headers: {"Content-Type": "application/json"}, body: JSON.stringify({upTo})})
        .then((r) => { if (r.ok && (!acked || upTo > acked)) acked = upTo; })
        .catch(() => {});
    }, 400);
  }

  function note(text, kind) {
    const li = document.createElement("li");
    li.className = "note" + (kind ? " note-" + kind : "");
    li.textContent = text;
    list.append(li);
    toBottom();
  }

  /** The newest message, the options and the message field in view (the field sticks to the bottom). */
  function toBottom() {
    window.scrollTo(0, document.documentElement.scrollHeight);
  }

  function say(text) {
    statusLine.textContent = text;
  }

  function hideIntro() {
    intro.hidden = true;
  }

  /** Menus like "1 Vi tar kontakt med deg" (one option a line) or "ringe deg (1) eller sende SMS (2)" become buttons. */
  function options(text) {
    const found = [];
    for (const line of text.split("\n")) {
      const m = /^\s*(\d{1,2})[.):]?\s+(\S.*)$/.exec(line);
      if (m && line.length <= 80) found.push({value: m[1], label: line.trim()});
    }
    if (found.length >= 2) return found;
    const inline = [...text.matchAll(/\((\d{1,2})\)/g)].map((m) => ({value: m[1], label: m[1]}));
    return inline.length >= 2 ? inline : [];
  }

  function showQuickReplies(text) {
    clearQuickReplies();
    for (const o of options(text)) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "quick";
      b.textContent = o.label;
      b.dataset.value = o.value;
      b.addEventListener("click", () => {
        if (submit(o.value)) input.focus();
      });
      quick.append(b);
    }
    quick.hidden = quick.childElementCount === 0;
  }

  function clearQuickReplies() {
    quick.replaceChildren();
    quick.hidden = true;
  }

  function showEmergency(urgent) {
    emergency.hidden = false;
    more.setAttribute("aria-expanded", "true");
    if (urgent && urgentBox.hidden) {
      urgentBox.textContent = t("urgent");
      urgentBox.hidden = false;
      emergency.classList.add("urgent");
      emergency.scrollIntoView({block: "start"});
    }
  }

  function showTyping(text, seconds) {
    typingLine.textContent = text;
    typingLine.hidden = !text;
    if (text) toBottom();
    clearTimeout(typingTimer);
    if (text && seconds) typingTimer = setTimeout(() => showTyping(""), seconds * 1000);
  }

  function status(s) {
    if (!s) return;
    setLanguage(s.language);
    if (s.urgent) showEmergency(true);
    if (s.status !== lastStatus) {
      if (s.status === "taken_over") note(t("joined"), "joined");
      if (s.status === "closed") note(t("closed"), "closed");
      lastStatus = s.status;
    }
  }

  // ---- talking to the server ----
  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  async function openSession() {
    const r = await fetch("/api/chat/sessions", {method: "POST", credentials: "omit",
      headers: {"Content-Type": "application/json", "Accept": "application/json"}, body: JSON.stringify(cfg.unitId ? {language: lang, unit: cfg.unitId} : {language: lang})});
    if (!r.ok) throw Object.assign(new Error("session"), {status: r.status});
    session = (await r.json()).id;
    store.setItem(KEY, session);
    connect();
  }

  function forgetSession() {
    store.removeItem(KEY);
    session = null;
    lastEventId = null;
    acked = null;
    ackUpTo = null;
    if (source) source.close();
    source = null;
  }

  function post(p) {
    return fetch("/api/chat/sessions/" + encodeURIComponent(session) + "/messages", {method: "POST", credentials: "omit",
      headers: {"Content-Type": "application/json", "Accept": "application/json"}, body: JSON.stringify({text: p.text, id: p.clientId})});
  }

  async function deliver(p) {
    showTyping(t("bot_typing"));
    try {
      if (!session) await openSession();
      let r = await post(p);
      if (r.status === 404) { // the session is not known here any more: start again
        forgetSession();
        await openSession();
        r = await post(p);
      }
      if (!r.ok) {
        failed(p, r.status === 429 ? t("error_rate") : t("error_send"));
        return;
      }
      confirmed(p, await r.json());
    } catch (e) {
      failed(p, e.status === 429 ? t("error_rate") : t("error_send"));
    } finally {
      showTyping("");
    }
  }

  function confirmed(p, data) {
    pending.splice(pending.indexOf(p), 1);
    p.li.classList.remove("pending", "failed");
    p.li.querySelectorAll(".retry").forEach((el) => el.remove());
    if (data.received && data.received.id && !shown.has(data.received.id)) remember(data.received.id, p.li);
    setLanguage(data.language);
    if (data.erased) {
      forgetSession();
      list.replaceChildren();
      shown.clear();
      data.replies.forEach((m) => addMessage(m));
      note(t("erased"));
      return;
    }
    data.replies.forEach((m) => addMessage(m));
    status({status: data.status, urgent: data.urgent, language: data.language});
    say("");
  }

  function failed(p, message) {
    p.li.classList.add("failed");
    if (!p.li.querySelector(".retry")) {
      const line = document.createElement("span");
      line.className = "retry";
      line.textContent = t("not_sent") + " ";
      const again = document.createElement("button");
      again.type = "button";
      again.className = "link";
      again.textContent = t("retry");
      again.addEventListener("click", () => {
        line.remove();
        p.li.classList.remove("failed");
        queue = queue.then(() => deliver(p));
        input.focus();
      });
      line.append(again);
      p.li.append(line);
    }
    say(message);
  }

  /** Checks the text and queues it (messages go one at a time, in order); false when there is nothing to send. */
  function submit(raw) {
    const text = String(raw).replace(/\r\n/g, "\n").trim();
    if (!text) {
      say(t("empty"));
      return false;
    }
    if ([...text].length > max) {
      say(t("too_long"));
      return false;
    }
    say("");
    clearQuickReplies();
    const li = addMessage({from: "citizen", text});
    li.classList.add("pending");
    const p = {text, clientId: newId(), li};
    pending.push(p);
    queue = queue.then(() => deliver(p));
    return true;
  }

  function onMessageEvent(m) {
    if (m.id) lastEventId = m.id;
    if (m.id && shown.has(m.id)) return;
    if (m.from === "citizen") { // our own message, back from the server before the answer to its POST
      const p = pending.find((q) => !q.li.dataset.id && q.text === m.text);
      if (p) {
        remember(m.id, p.li);
        return;
      }
    }
    addMessage(m);
  }

  function connect() {
    if (!session || !window.EventSource) return;
    clearTimeout(retryTimer);
    if (source) source.close();
    const url = "/api/chat/sessions/" + encodeURIComponent(session) + "/events" + (lastEventId ? "?after=" + encodeURIComponent(lastEventId) : "");
    const es = new EventSource(url);
    source = es;
    es.addEventListener("message", (e) => onMessageEvent(JSON.parse(e.data)));
    es.addEventListener("status", (e) => status(JSON.parse(e.data)));
    es.addEventListener("typing", () => showTyping(t("typing"), 6));
    es.addEventListener("open", () => {
      retryDelay = 3000;
      if (statusLine.textContent === t("offline")) say("");
    });
    es.addEventListener("error", () => {
      if (es.readyState === EventSource.CLOSED && source === es) { // refused or gone: try again later, less often each time
        source = null;
        say(t("offline"));
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      }
    });
  }

  // ---- wiring ----
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (submit(input.value)) input.value = "";
    }
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (submit(input.value)) input.value = "";
    input.focus();
  });
  $("start").addEventListener("click", () => {
    if (submit(t("start_word") || "Hei")) input.focus();
  });
  more.addEventListener("click", () => {
    const open = emergency.hidden;
    emergency.hidden = !open;
    more.setAttribute("aria-expanded", String(open));
  });
  if (cfg.embedded === "true") {
    const close = $("close-chat");
    close.hidden = false;
    document.body.classList.add("embedded");
    const ask = () => window.parent.postMessage({kontakt: "close"}, "*");
    close.addEventListener("click", ask);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") ask(); });
  }

  async function start() {
    try {
      const r = await fetch("/assets/chat-texts.json", {credentials: "omit"});
      texts = r.ok ? await r.json() : null;
    } catch (e) {
      texts = null;
    }
    if (texts) {
      lang = browserLanguage();
      applyTexts();
    }
    form.hidden = false;
    if (session) {
      connect(); // the conversation so far comes back as events
    } else {
      intro.hidden = false;
    }
    document.body.dataset.ready = "true";
  }

  start();
})();
