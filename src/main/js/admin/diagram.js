// The server's diagram of a script's steps: centred on the start, and a text alternative read from its boxes.
import {el} from "./dom.js";

export const Diagram = {
  /** Scrolls a diagram shown in full size so that the start is in view, in the middle. */
  centreOnStart(svg, box) {
    const start = svg.querySelector("g.step[data-start='true'] rect");
    if (!start) return;
    const [x0] = svg.getAttribute("viewBox").split(" ").map(Number);
    const centre = Number(start.getAttribute("x")) + Number(start.getAttribute("width")) / 2 - x0;
    box.scrollLeft = Math.max(0, centre - box.clientWidth / 2);
    box.scrollTop = 0;
  },

  /** A list of the steps and where each goes, read from the boxes and arrows of the server's SVG. */
  describe(svg, list, goTo) {
    const edges = [...svg.querySelectorAll("g.edge")].map((g) => ({...g.dataset}));
    const items = [];
    for (const node of svg.querySelectorAll("g.node")) {
      const d = node.dataset;
      const out = edges.filter((e) => e.from === d.id && e.fromKind === d.kind);
      const ways = out.map((e) => el("li", {}, `${e.label} → `, Diagram.target(e)));
      let head;
      if (d.kind === "step") {
        head = [el("button", {type: "button", class: "linklike step-name", onclick: () => goTo(Number(d.line))}, d.id),
          d.start === "true" ? " (start)" : "", ` – ${d.summary}, linje ${d.line}`];
      } else if (d.kind === "script") {
        head = [`Skriptet ${d.id} (et annet skript)`];
      } else {
        head = [el("strong", {}, d.id), " – dette steget finnes ikke"];
        if (!out.length) continue;
      }
      items.push(el("li", {}, head, ways.length ? el("ul", {}, ways) : null));
    }
    list.replaceChildren(...items);
  },

  target(e) {
    if (e.toKind === "script") return `skriptet ${e.to}`;
    if (e.toKind === "unknown") return `${e.to} (finnes ikke)`;
    return e.to;
  },
};
