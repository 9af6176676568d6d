// Statistics: the weekly counters as bar charts (SVG drawn here), each with its table, and the CSV link.
import {$, el, say} from "./dom.js";
import {api, call} from "./api.js";

const METRICS = {
  conversations: ["Nye samtaler", "språk/kanal"],
  entries: ["Innganger til tjenestene", "skript/språk"],
  actions: ["Handlinger og utfall", "handling/utfall"],
  risk_flags: ["Meldinger med risiko", "språk"],
  opt_outs: ["Avmeldinger (STOPP)", "språk"],
  erasures: ["Slettinger på forespørsel", "språk"],
  closed: ["Avsluttede samtaler", ""],
  first_contact_seconds: ["Tid til første kontakt fra en ansatt", "hastegrad"],
  feedback: ["Tilbakemeldinger (1–5)", "grunn"],
  sms_segments: ["SMS-segmenter sendt (kostnaden)", ""],
  retention_deleted: ["Slettet etter lagringstiden", ""],
};

/** ISO week of a date as 2026-W48 (the value of an input type=week). */
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Every ISO week from one to another, both included. */
function weeksBetween(from, to) {
  const monday = (w) => {
    const [y, n] = w.split("-W").map(Number);
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const start = new Date(jan4);
    start.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (n - 1) * 7);
    return start;
  };
  const out = [];
  for (let d = monday(from); d <= monday(to) && out.length < 160; d.setUTCDate(d.getUTCDate() + 7)) {
    out.push(isoWeek(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
  }
  return out;
}

export const Stats = {
  init() {
    const now = new Date();
    const before = new Date(now.getTime() - 11 * 7 * 86400000);
    $("stats-from").value = isoWeek(before);
    $("stats-to").value = isoWeek(now);
    $("stats-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.load();
    });
  },

  async show() {
    await this.load();
  },

  async load() {
    const from = $("stats-from").value;
    const to = $("stats-to").value;
    if (!/^\d{4}-W\d{2}$/.test(from) || !/^\d{4}-W\d{2}$/.test(to) || from > to) {
      say("stats-status", "Velg en fra-uke som ikke er etter til-uken.", "bad");
      return;
    }
    const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    $("stats-csv").href = `/api/admin/stats.csv?${query}`;
    const data = await call(api.get(`/api/admin/stats?${query}`));
    const weeks = weeksBetween(from, to);
    const byMetric = new Map();
    for (const row of data.rows) {
      if (!byMetric.has(row.metric)) byMetric.set(row.metric, []);
      byMetric.get(row.metric).push(row);
    }
    const order = Object.keys(METRICS).filter((m) => byMetric.has(m)).concat([...byMetric.keys()].filter((m) => !METRICS[m]));
    const sections = order.map((metric, i) => this.section(metric, byMetric.get(metric), weeks, i));
    $("stats-charts").replaceChildren(...(sections.length ? sections : [el("p", {}, "Ingen tall for disse ukene ennå.")]));
    say("stats-status", `Viser uke ${from.slice(6)} ${from.slice(0, 4)} til uke ${to.slice(6)} ${to.slice(0, 4)}.`);
  },

  section(metric, rows, weeks, index) {
    const [title, dimension] = METRICS[metric] || [metric, ""];
    const perWeek = new Map(weeks.map((w) => [w, {count: 0, dims: [], median: null, average: null}]));
    for (const r of rows) {
      const w = perWeek.get(r.week);
      if (!w) continue;
      w.count += r.count;
      if (r.dimension) w.dims.push(`${r.dimension}: ${r.count}`);
      if (r.median !== null && metric === "first_contact_seconds") w.median = (w.median === null ? "" : w.median + "; ") + `${r.dimension} ${Math.round(r.median / 60)} min`;
      if (r.average !== null && metric === "feedback") w.average = (w.average === null ? "" : w.average + "; ") + `${r.dimension} ${r.average.toFixed(1)}`;
    }
    const id = `stat-${index}`;
    const chart = this.chart(weeks, perWeek, id);
    const extra = metric === "first_contact_seconds" ? "Median" : metric === "feedback" ? "Snitt" : null;
    const table = el("table", {class: "stats-table"},
      el("caption", {}, `${title}: tallene per uke`),
      el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "Uke"), el("th", {scope: "col"}, "Antall"),
        dimension ? el("th", {scope: "col"}, `Fordelt på ${dimension}`) : null, extra ? el("th", {scope: "col"}, extra) : null)),
      el("tbody", {}, weeks.map((w) => {
        const v = perWeek.get(w);
        return el("tr", {}, el("th", {scope: "row"}, w), el("td", {}, String(v.count)),
          dimension ? el("td", {}, v.dims.join(", ")) : null,
          extra ? el("td", {}, (metric === "feedback" ? v.average : v.median) || "") : null);
      })));
    return el("section", {class: "stat", "aria-labelledby": id + "-h"},
      el("h3", {id: id + "-h"}, title), chart,
      el("details", {}, el("summary", {}, "Vis tallene som tabell"), table));
  },

  /** A bar chart of the weekly totals, drawn as SVG; the table beside it holds the same numbers. */
  chart(weeks, perWeek, id) {
    const NS = "http://www.w3.org/2000/svg";
    const svgEl = (tag, attrs, text) => {
      const n = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
      if (text !== undefined) n.textContent = text;
      return n;
    };
    const width = 640;
    const height = 200;
    const left = 40;
    const bottom = 28;
    const max = Math.max(1, ...weeks.map((w) => perWeek.get(w).count));
    const top = 18;
    const slot = (width - left - 8) / weeks.length;
    const svg = svgEl("svg", {viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-labelledby": `${id}-h ${id}-d`});
    const total = weeks.reduce((sum, w) => sum + perWeek.get(w).count, 0);
    svg.append(svgEl("desc", {id: `${id}-d`}, `Søylediagram, antall per uke. Til sammen ${total}, høyest ${max}. Tabellen under har tallene.`));
    svg.append(svgEl("line", {x1: left, y1: height - bottom, x2: width, y2: height - bottom, stroke: "#545460"}));
    svg.append(svgEl("text", {x: left - 6, y: top + 4, "text-anchor": "end", "font-size": 12, fill: "#1b1b1f"}, String(max)));
    svg.append(svgEl("text", {x: left - 6, y: height - bottom, "text-anchor": "end", "font-size": 12, fill: "#1b1b1f"}, "0"));
    weeks.forEach((w, i) => {
      const v = perWeek.get(w).count;
      const h = ((height - bottom - top) * v) / max;
      const x = left + i * slot + slot * 0.15;
      const bar = svgEl("rect", {x, y: height - bottom - h, width: Math.max(2, slot * 0.7), height: Math.max(0, h), fill: "#0b5394"});
      bar.append(svgEl("title", {}, `Uke ${w.slice(6)}: ${v}`));
      svg.append(bar);
      if (v > 0) {
        svg.append(svgEl("text", {x: x + slot * 0.35, y: height - bottom - h - 4, "text-anchor": "middle", "font-size": 11, fill: "#1b1b1f"}, String(v)));
      }
      if (weeks.length <= 26 || i % 2 === 0) {
        svg.append(svgEl("text", {x: x + slot * 0.35, y: height - 10, "text-anchor": "middle", "font-size": 11, fill: "#1b1b1f"}, w.slice(6)));
      }
    });
    return svg;
  },
};
