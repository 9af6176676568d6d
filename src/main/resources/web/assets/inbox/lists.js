// The lists beside the queue: contact requests (urgent first, then oldest), groups and courses with who has
// a seat and who waits, and the booked appointments with the citizen's JA/NEI.
import {byId, el, fill, show} from "./dom.js";
import * as say from "./format.js";

let failed = (error) => { throw error; };

/** Who handles an error of a click inside the lists (a lapsed login goes back to the login form). */
export function onError(handler) {
  failed = handler;
}

const expanded = new Set(); // offers whose participants are shown: a live reload keeps them open

/** Re-renders inside a container without losing the focus of a control that is drawn again (same id or link). */
async function keepingFocus(container, render) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? (active.id ? "#" + CSS.escape(active.id) : active.getAttribute("href")) : null;
  await render();
  if (!key || container.contains(active)) return;
  const again = key.startsWith("#") ? container.querySelector(key) : container.querySelector("a[href=\"" + CSS.escape(key) + "\"]");
  if (again) again.focus({preventScroll: true});
}

const conversationLink = (id, label) => el("a", {href: "#/ko/" + encodeURIComponent(id)}, label || "Åpne samtalen");

export async function loadRequests() {
  const status = byId("requests-filter").value;
  const requests = await KontaktApi.get("/api/inbox/contact-requests" + (status ? "?status=" + encodeURIComponent(status) : ""));
  await keepingFocus(byId("requests-rows"), () => fill(byId("requests-rows"), requests.map((r) => el("tr", {class: r.urgent ? "urgent" : null},
    el("td", {}, say.when(r.createdAt)),
    el("td", {}, r.urgent ? [el("span", {class: "badge badge-urgent"}, "Haster"), " "] : "", r.name || "Anonym"),
    el("td", {}, r.topic || "–"),
    el("td", {}, say.contactBy(r.channel) + (r.phone ? " " + r.phone : "")),
    el("td", {}, r.windowText || (r.window === "asap" ? "så fort som mulig" : r.window || "–")),
    el("td", {}, say.requestStatus(r.status)),
    el("td", {}, conversationLink(r.conversationId))))));
  show(byId("requests-empty"), requests.length === 0);
}

export async function loadOffers() {
  const offers = await KontaktApi.get("/api/inbox/offers");
  const rows = [];
  const reopen = [];
  for (const o of offers) {
    const detailsId = "enrolments-" + o.id;
    const toggle = el("button", {type: "button", id: "toggle-" + o.id, class: "quiet", "aria-expanded": "false", "aria-controls": detailsId},
      "Vis deltakere", el("span", {class: "visually-hidden"}, " på " + o.title));
    const details = el("tr", {id: detailsId, class: "enrolments", hidden: true}, el("td", {colspan: "6"}));
    toggle.addEventListener("click", () => toggleEnrolments(o, toggle, details));
    if (expanded.has(o.id)) reopen.push(() => toggleEnrolments(o, toggle, details));
    rows.push(el("tr", {},
      el("th", {scope: "row"}, o.title),
      el("td", {}, say.category(o.category)),
      el("td", {}, o.nextSession ? say.longWhen(o.nextSession) : "Ingen planlagt"),
      el("td", {}, !o.signup ? "Drop-in" : o.capacity ? o.seated + " av " + o.capacity : o.seated + " (ingen grense)"),
      el("td", {}, String(o.waiting)),
      el("td", {}, o.signup ? toggle : "–")), details);
  }
  await keepingFocus(byId("offers-rows"), async () => {
    fill(byId("offers-rows"), rows);
    await Promise.all(reopen.map((open) => open()));
  });
}

async function toggleEnrolments(offer, button, row) {
  const open = button.getAttribute("aria-expanded") === "true";
  if (open) {
    button.setAttribute("aria-expanded", "false");
    button.firstChild.textContent = "Vis deltakere";
    row.hidden = true;
    expanded.delete(offer.id);
    return;
  }
  const cell = row.firstChild;
  try {
    const e = await KontaktApi.get("/api/inbox/offers/" + encodeURIComponent(offer.id) + "/enrolments");
    fill(cell,
      el("h3", {}, "Har plass (" + e.seated.length + ")"),
      e.seated.length ? el("ul", {}, e.seated.map((s) => el("li", {}, conversationLink(s.conversationId, s.conversationId),
        " – påmeldt " + say.when(s.joinedAt)))) : el("p", {}, "Ingen ennå."),
      el("h3", {}, "Venteliste (" + e.waiting.length + ")"),
      e.waiting.length ? el("ol", {}, e.waiting.map((w) => el("li", {}, conversationLink(w.conversationId, w.conversationId),
        " – venter siden " + say.when(w.joinedAt)))) : el("p", {}, "Ingen venter."));
  } catch (error) {
    fill(cell, el("p", {class: "error"}, "Kunne ikke hente deltakerne: " + error.message));
    if (error.status === 401) return failed(error);
  }
  button.setAttribute("aria-expanded", "true");
  button.firstChild.textContent = "Skjul deltakere";
  row.hidden = false;
  expanded.add(offer.id);
}

export async function loadAppointments() {
  const appointments = await KontaktApi.get("/api/inbox/appointments");
  appointments.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
  await keepingFocus(byId("appointments-rows"), () => fill(byId("appointments-rows"), appointments.map((a) => el("tr", {},
    el("td", {}, say.longWhen(a.startsAt)),
    el("td", {}, a.place),
    el("td", {}, a.with),
    el("td", {}, a.bookedBy),
    el("td", {class: "answer-" + (a.answer || "none")}, say.answer(a.answer)),
    el("td", {}, conversationLink(a.conversationId))))));
  show(byId("appointments-empty"), appointments.length === 0);
}
