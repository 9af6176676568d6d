// Small DOM helpers of the admin page: find by id, build elements from data (text only, never HTML strings),
// say something in a status box, a date in Norwegian, and a debounce.

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/** Makes an element with attributes and children (strings become text, never HTML); on* attributes are listeners. */
export function el(tag, attrs, ...children) {
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

const dateTime = new Intl.DateTimeFormat("nb-NO", {dateStyle: "medium", timeStyle: "short"});

/** A timestamp as the coordinator reads it ("4. des. 2026, 16:20"), or "" for none. */
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "");

/** Puts a text in a status box (an element or its id), marked ok, bad or busy. */
export function say(target, text, kind) {
  const box = typeof target === "string" ? $(target) : target;
  box.textContent = text;
  box.className = box.className.replace(/\b(ok|bad|busy)\b/g, "").trim() + (kind ? " " + kind : "");
}

/** Calls fn once no call has come for ms milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
