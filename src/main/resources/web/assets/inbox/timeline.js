// The timeline of one conversation: its messages both ways (with delivery reports) and its events in time
// order, in a log region. A fresh log is drawn for each conversation (so its history is not read out as news);
// after that only what is new is appended, which screen readers announce.
import {byId, el} from "./dom.js";
import * as say from "./format.js";

let shown = new Set(); // keys of the entries on screen

/** Replaces the log element (a new live region starts quiet) and draws the entries. */
export function drawTimeline(messages, events) {
  const box = el("div", {id: "timeline-box", class: "timeline-box", tabindex: "0", role: "log", "aria-labelledby": "timeline-heading"},
    el("ol", {id: "timeline", class: "timeline"}));
  byId("timeline-box").replaceWith(box);
  shown = new Set();
  appendTimeline(messages, events, true);
}

/** Adds the entries not on screen yet, updates delivery reports, and keeps the view at the bottom if it was. */
export function appendTimeline(messages, events, initial) {
  const list = byId("timeline");
  const box = byId("timeline-box");
  const atBottom = initial || box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  const entries = [
    ...messages.map((m) => ({key: "m:" + m.id, at: m.at, order: 0, node: () => messageNode(m), update: (n) => updateDelivery(n, m)})),
    ...events.map((e) => ({key: "e:" + e.id, at: e.at, order: 1, node: () => eventNode(e)})),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order || (a.key < b.key ? -1 : 1)));
  for (const entry of entries) {
    if (shown.has(entry.key)) {
      if (entry.update) entry.update(list.querySelector("[data-key=\"" + CSS.escape(entry.key) + "\"]"));
      continue;
    }
    shown.add(entry.key);
    const node = entry.node();
    node.dataset.key = entry.key;
    list.append(node);
  }
  if (atBottom) box.scrollTop = box.scrollHeight;
}

function messageNode(m) {
  const staff = m.direction === "out" && m.author !== "bot";
  const kind = m.direction === "in" ? "msg msg-in" : staff ? "msg msg-staff" : "msg msg-bot";
  return el("li", {class: kind},
    el("p", {class: "msg-meta"}, el("span", {class: "msg-author"}, say.author(m.author)), " ",
      el("time", {datetime: m.at}, say.when(m.at)), " ",
      el("span", {class: "delivery"}, deliveryText(m))),
    el("p", {class: "msg-body"}, m.body));
}

const deliveryText = (m) => (m.direction === "out" && m.delivery ? "(" + say.delivery(m.delivery) + ")" : "");

function updateDelivery(node, m) {
  const span = node && node.querySelector(".delivery");
  if (span && span.textContent !== deliveryText(m)) span.textContent = deliveryText(m);
}

function eventNode(e) {
  const line = say.event(e);
  return el("li", {class: "event" + (line.alert ? " event-alert" : "") + (line.note ? " event-note" : "")},
    el("time", {datetime: e.at}, say.when(e.at)), " ", line.text);
}
