// One conversation as staff work it: the messages both ways and the events (risk flags, the bot's actions,
// takeovers, notes, closes) in one timeline; take over, reply (with canned replies), hand back, close with an
// outcome, reopen; its contact requests and appointments, and booking one. Live updates append to the
// timeline (a log region, so screen readers hear what is new) without touching what staff are typing.
import {byId, el, fill, show} from "./dom.js";
import * as say from "./format.js";
import {clock} from "./queue.js";
import {appendTimeline, drawTimeline} from "./timeline.js";
import {createRecords} from "./records.js";

const PAGE_SIZE = 100;

export function createConversation({queue, failed, me}) {
  const body = byId("conversation-body");
  const none = byId("conversation-none");
  const heading = byId("conversation-heading");
  const meta = byId("conversation-meta");
  const error = byId("conversation-error");
  const status = byId("conversation-status");
  const replyText = byId("reply-text");
  let current = null; // the last view read
  let messages = new Map(); // id → message, every page loaded
  let pagesLoaded = 1;
  let canned = [];
  let readAt = performance.now(); // when the view was read: its clock runs on from there

  const base = () => "/api/inbox/conversations/" + encodeURIComponent(current.conversation.id);
  const records = createRecords({base, failed, error, tell: (text) => tell(text)});

  async function open(id, {focus}) {
    error.textContent = "";
    let view;
    try {
      view = await KontaktApi.get("/api/inbox/conversations/" + encodeURIComponent(id) + "?size=" + PAGE_SIZE);
    } catch (e) {
      failed(e, byId("page-error"));
      return;
    }
    current = view;
    readAt = performance.now();
    messages = new Map(view.messages.map((m) => [m.id, m]));
    pagesLoaded = 1;
    show(none, false);
    show(body, true);
    renderAll();
    queue.markOpen(id);
    if (focus) heading.focus();
  }

  /** Reads the conversation again (after a live event or an action) and adds what is new. */
  async function refresh() {
    if (!current) return;
    const view = await KontaktApi.get(base() + "?size=" + PAGE_SIZE);
    if (!current || view.conversation.id !== current.conversation.id) return;
    current = view;
    readAt = performance.now();
    view.messages.forEach((m) => messages.set(m.id, m));
    renderDetails();
    appendTimeline(...entries());
  }

  function closeView() {
    current = null;
    show(body, false);
    show(none, true);
    queue.markOpen(null);
  }

  function renderAll() {
    renderDetails();
    drawTimeline(...entries());
  }

  function renderDetails() {
    const c = current.conversation;
    heading.textContent = "Samtale med " + (c.address || c.id);
    tickMeta();
    const mine = c.assignedTo === me();
    show(byId("takeover"), c.status !== "closed" && !(c.status === "taken_over" && mine));
    byId("takeover").textContent = c.status === "taken_over" ? "Ta over fra " + c.assignedTo : "Ta over samtalen";
    show(byId("handback"), c.status === "taken_over");
    show(byId("reopen"), c.status === "closed");
    show(byId("reply-form"), c.status !== "closed");
    show(byId("close-form"), c.status !== "closed");
    show(byId("appointment-form"), c.status !== "closed");
    byId("reply-channel").textContent = c.channel === "web" ? "vises i nettpraten" : "sendes som " + say.channel(c.channel);
    show(byId("older"), pagesLoaded < current.pages);
    records.show(current.conversation);
    renderRequests(current.contactRequests);
    renderAppointments(current.appointments);
    renderCanned();
  }

  function tickMeta() {
    if (!current) return;
    const c = current.conversation;
    const parts = [say.status(c.status, c.assignedTo), say.channel(c.channel), say.language(c.language)];
    if (c.urgent) parts.unshift("Haster");
    const time = clock(c, queue.office(), secondsSinceRead());
    if (time) parts.push(time.text);
    const text = parts.join(" · ");
    if (meta.textContent !== text) meta.textContent = text;
    meta.classList.toggle("urgent", !!c.urgent);
  }

  function secondsSinceRead() {
    return Math.floor((performance.now() - readAt) / 1000);
  }

  function renderRequests(requests) {
    const list = byId("requests-here");
    if (!requests.length) return fill(list, el("li", {class: "empty"}, "Ingen."));
    fill(list, requests.map((r) => el("li", {class: r.urgent ? "request urgent" : "request"},
      el("strong", {}, r.name ? r.name : "Anonym"), " – ", say.requestStatus(r.status), r.urgent ? " – haster" : "",
      el("br"), say.contactBy(r.channel) + (r.phone ? " " + r.phone : "") + ", " + (r.windowText || (r.window === "asap" ? "så fort som mulig" : r.window || "")),
      r.topic ? [el("br"), "Tema: ", r.topic] : "",
      r.matters ? [el("br"), "Viktig nå: ", r.matters] : "",
      r.support ? [el("br"), "Har: ", supportText(r.support)] : "",
      el("br"), el("span", {class: "help"}, "Mottatt " + say.when(r.createdAt)))));
  }

  /** What the citizen said they have: a crisis plan, a contact person, both, or neither. */
  function supportText(support) {
    if (support === "none") return "ingen kriseplan eller fast kontaktperson";
    return support.split(",").map((s) => s === "crisis_plan" ? "kriseplan" : s === "contact_person" ? "fast kontaktperson" : s).join(" og ");
  }

  function renderAppointments(appointments) {
    const list = byId("appointments-here");
    if (!appointments.length) return fill(list, el("li", {class: "empty"}, "Ingen avtaler ennå."));
    fill(list, appointments.map((a) => el("li", {class: "appointment answer-" + (a.answer || "none")},
      el("strong", {}, say.longWhen(a.startsAt)), el("br"), a.place + ", med " + a.with,
      el("br"), "Svar: ", el("span", {class: "answer"}, say.answer(a.answer)),
      a.reminded ? " · påminnelse sendt" : "",
      a.reason ? [el("br"), "Grunn: ", el("q", {}, a.reason)] : "")));
  }

  function renderCanned() {
    const select = byId("canned");
    show(byId("canned-box"), canned.length > 0);
    if (select.options.length === canned.length) return;
    fill(select, canned.map((r) => el("option", {value: r.id}, r.id + ": " + preview(textOf(r)))));
  }

  function textOf(reply) {
    const texts = reply.texts || {};
    const language = current && current.conversation.language;
    return texts[language] || texts.nb || Object.values(texts)[0] || "";
  }

  const preview = (text) => text.length > 60 ? text.slice(0, 57) + " …" : text;

  /** The messages of every page loaded, and the events since the oldest of them (all of them once all pages are in). */
  function entries() {
    const all = [...messages.values()];
    const oldest = all.length ? all.reduce((a, m) => (m.at < a ? m.at : a), all[0].at) : null;
    const events = current.events.filter((e) => pagesLoaded >= current.pages || !oldest || e.at >= oldest);
    return [all, events];
  }

  async function olderPage() {
    try {
      const view = await KontaktApi.get(base() + "?size=" + PAGE_SIZE + "&page=" + (pagesLoaded + 1));
      view.messages.forEach((m) => messages.set(m.id, m));
      pagesLoaded++;
      renderAll();
      byId("timeline-box").scrollTop = 0;
      byId("timeline-box").focus();
    } catch (e) {
      failed(e, error);
    }
  }

  /** Runs an action: disables its button, reports errors where staff look, refreshes, says what happened. */
  async function act(button, run, done) {
    error.textContent = "";
    button.disabled = true;
    try {
      await run();
      await refresh();
      if (done) done();
    } catch (e) {
      failed(e, error);
    } finally {
      button.disabled = false;
    }
  }

  function tell(text) {
    status.textContent = "";
    status.textContent = text;
  }

  function wire() {
    byId("takeover").addEventListener("click", (e) => act(e.currentTarget, () => KontaktApi.post(base() + "/takeover"), () => {
      tell("Du har tatt over samtalen. Boten er stille, bortsett fra sikkerhetsnettet.");
      replyText.focus();
    }));
    byId("handback").addEventListener("click", (e) => act(e.currentTarget, () => KontaktApi.post(base() + "/handback"), () => {
      tell("Samtalen er gitt tilbake til boten.");
      heading.focus();
    }));
    byId("reopen").addEventListener("click", (e) => act(e.currentTarget, () => KontaktApi.post(base() + "/reopen"), () => {
      tell("Samtalen er åpnet igjen og venter på kontakt.");
      heading.focus();
    }));
    byId("older").addEventListener("click", olderPage);
    byId("reply-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const text = replyText.value.trim();
      if (!text) return;
      act(byId("reply-send"), () => KontaktApi.post(base() + "/reply", {text}), () => {
        replyText.value = "";
        countReply();
        tell("Svaret er sendt.");
        replyText.focus();
      });
    });
    replyText.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        byId("reply-form").requestSubmit();
      }
    });
    replyText.addEventListener("input", countReply);
    byId("canned-use").addEventListener("click", () => {
      const reply = canned.find((r) => r.id === byId("canned").value);
      if (!reply) return;
      const text = textOf(reply);
      const at = replyText.selectionStart ?? replyText.value.length;
      replyText.setRangeText(text, at, replyText.selectionEnd ?? at, "end");
      countReply();
      replyText.focus();
    });
    byId("note-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const text = byId("note-text").value.trim();
      if (!text) return;
      act(byId("note-save"), () => KontaktApi.post(base() + "/notes", {text}), () => {
        byId("note-text").value = "";
        tell("Notatet er lagret.");
      });
    });
    byId("close-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const comment = byId("close-comment").value.trim();
      const outcome = byId("close-outcome").value + (comment ? ": " + comment : "");
      act(byId("close"), () => KontaktApi.post(base() + "/close", {outcome}), () => {
        byId("close-form").reset();
        tell("Samtalen er lukket.");
        heading.focus();
      });
    });
    byId("appointment-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const appointment = {startsAt: byId("appointment-when").value, place: byId("appointment-place").value.trim(),
        with: byId("appointment-with").value.trim()};
      act(byId("appointment-book"), () => KontaktApi.post(base() + "/appointments", appointment), () => {
        byId("appointment-form").reset();
        tell("Avtalen er booket. Innbyggeren har fått en bekreftelse og kan svare JA eller NEI.");
      });
    });
  }

  function countReply() {
    byId("reply-count").textContent = String(replyText.value.length);
    records.count(replyText.value, current && current.conversation.channel);
  }

  wire();
  return {
    open, refresh, closeView,
    id: () => current && current.conversation.id,
    tick: tickMeta,
    async loadCanned() {
      canned = await KontaktApi.get("/api/inbox/canned-replies");
      if (current) renderCanned();
    },
  };
}
