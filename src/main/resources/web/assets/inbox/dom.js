// Small DOM helpers for the inbox page: build elements from data (text only, never HTML strings), find by id.

/** The element with this id (throws when the page lacks it: a typo should fail loudly). */
export function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error("#" + id + " is missing from inbox.html");
  return found;
}

/**
 * Builds an element: el("a", {href: "#", class: "x", dataset: {id: 1}}, "text", child…). Attributes go through
 * setAttribute (never style: the content security policy forbids inline styles); children are nodes or text.
 */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Shows or hides an element (the hidden attribute). */
export function show(node, visible) {
  node.hidden = !visible;
}

/** Moves focus to an element without scrolling the page needlessly; headings get tabindex=-1 in the HTML. */
export function focus(node) {
  if (node && typeof node.focus === "function") node.focus({preventScroll: false});
}
