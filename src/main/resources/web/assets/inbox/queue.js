// The queue: conversations that need a person, urgent first, then the oldest; each a link that opens it.
// A waiting conversation shows a clock that ticks: how long it has waited, and how much of the promised
// opening time it has used (that part stands still while the office is closed).
import {byId, el, fill, show} from "./dom.js";
import * as say from "./format.js";

/** The clock line of a waiting conversation, `elapsed` seconds after the server counted. */
export function clock(item, office, elapsed) {
  if (item.status !== "waiting" || !item.waitingSince) return null;
  const sla = item.slaSeconds + (office.open ? elapsed : 0);
  const promise = office.promiseSeconds || 0;
  const used = promise > 0 ? sla / promise : 0;
  let text = "Ventet " + say.timer(item.waitedSeconds + elapsed);
  if (promise > 0) text += " · brukt " + say.minutes(sla) + " av fristen på " + say.minutes(promise);
  if (used >= 1) text += " · over fristen";
  else if (used >= 0.8) text += " · snart over fristen";
  return {text, used: Math.min(1, used), late: used >= 0.8};
}

export function createQueue() {
  const list = byId("queue-list");
  const empty = byId("queue-empty");
  const officeState = byId("office-state");
  const count = byId("nav-count");
  let items = new Map();
  let office = {open: false, promiseSeconds: 0};
  let fetchedAt = performance.now();
  let previous = null; // {filter, items} of the last load: to tell what arrived
  let openId = null;

  function filter() {
    return document.querySelector("input[name=filter]:checked").value;
  }

  /** Loads the queue; resolves to what is new since the last load of the same filter. */
  async function load() {
    const wanted = filter();
    const data = await KontaktApi.get("/api/inbox/conversations?filter=" + encodeURIComponent(wanted));
    if (wanted !== filter()) return {arrived: [], newRequests: []}; // the filter changed meanwhile
    say.setTimeZone(data.office && data.office.timeZone);
    office = data.office || office;
    fetchedAt = performance.now();
    const before = previous && previous.filter === wanted ? previous.items : null;
    items = new Map(data.conversations.map((c) => [c.id, c]));
    previous = {filter: wanted, items};
    render(data.conversations);
    if (!before) return {arrived: [], newRequests: []};
    return {
      arrived: data.conversations.filter((c) => !before.has(c.id)),
      newRequests: data.conversations.filter((c) => before.has(c.id) && c.openRequests > before.get(c.id).openRequests),
    };
  }

  function render(conversations) {
    const focusedId = list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    const existing = new Map([...list.children].map((li) => [li.dataset.id, li]));
    const rows = conversations.map((c) => {
      const li = existing.get(c.id) || el("li", {dataset: {id: c.id}}, el("a", {class: "queue-item", href: "#/ko/" + encodeURIComponent(c.id), dataset: {id: c.id}}));
      update(li.firstChild, c);
      return li;
    });
    const sameOrder = rows.length === list.children.length && rows.every((li, i) => list.children[i] === li);
    if (!sameOrder) {
      list.replaceChildren(...rows);
      if (focusedId) {
        const again = items.has(focusedId) && list.querySelector("a[data-id=\"" + CSS.escape(focusedId) + "\"]");
        if (again) again.focus({preventScroll: true});
        else byId("queue-heading").focus({preventScroll: true}); // it left the queue: keep focus nearby, never lost
      }
    }
    show(empty, conversations.length === 0);
    fill(count, conversations.length ? "(" + conversations.length + ")" : "");
    document.title = (conversations.length ? "(" + conversations.length + ") " : "") + "Kontakt – innboks";
    fill(officeState, office.open
      ? "Kontoret er åpent: fristen teller nå."
      : "Kontoret er stengt: fristen står stille til det åpner.");
    markOpen(openId);
    tick();
  }

  function update(link, c) {
    link.classList.toggle("urgent", !!c.urgent);
    const badges = [];
    if (c.urgent) badges.push(el("span", {class: "badge badge-urgent"}, "Haster"), " ");
    if (c.fromEarlierShift) badges.push(el("span", {class: "badge badge-shift"}, "Fra forrige vakt"), " ");
    if (c.appointmentDeclined) badges.push(el("span", {class: "badge badge-declined"}, "Sa nei til timen"), " ");
    const details = [say.status(c.status, c.assignedTo)];
    if (c.openRequests) details.push(c.openRequests === 1 ? "1 kontaktforespørsel" : c.openRequests + " kontaktforespørsler");
    if (c.lastMessageAt && c.status !== "waiting") details.push("siste melding " + say.when(c.lastMessageAt));
    fill(link,
      el("span", {class: "qi-top"}, badges, el("strong", {class: "qi-who"}, c.address || c.id), " ",
        el("span", {class: "qi-channel"}, say.channel(c.channel))),
      el("span", {class: "qi-details"}, details.join(" · ")),
      el("span", {class: "qi-clock"}),
      el("span", {class: "sla", "aria-hidden": "true"}, el("span", {class: "sla-fill"})));
  }

  /** Moves the clocks on (called every second). */
  function tick() {
    const elapsed = Math.floor((performance.now() - fetchedAt) / 1000);
    for (const li of list.children) {
      const item = items.get(li.dataset.id);
      const c = item && clock(item, office, elapsed);
      const line = li.querySelector(".qi-clock");
      const bar = li.querySelector(".sla");
      show(line, !!c);
      show(bar, !!c);
      if (!c) continue;
      if (line.textContent !== c.text) line.textContent = c.text;
      bar.classList.toggle("late", c.late);
      bar.firstChild.style.width = Math.round(c.used * 100) + "%";
    }
  }

  /** Marks the open conversation's link (aria-current). */
  function markOpen(id) {
    openId = id;
    for (const a of list.querySelectorAll("a.queue-item")) {
      if (a.dataset.id === id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
  }

  return {
    load, tick, markOpen, filter,
    item: (id) => items.get(id),
    office: () => office,
    elapsed: () => Math.floor((performance.now() - fetchedAt) / 1000),
    reset() {
      previous = null;
      items = new Map();
      list.replaceChildren();
    },
  };
}
