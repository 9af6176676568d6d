// Scripts: the list, the editor (a draft saved, checked as you type), publish and roll back with the refusal's
// reasons at their lines, the transcripts on demand, the versions, and the server's diagram of the steps.
import {$, el, say, when, debounce} from "./dom.js";
import {api, call} from "./api.js";
import {YamlEditor} from "./editor.js";
import {renderProblems} from "./problems.js";
import {Diagram} from "./diagram.js";
import {Transcripts, Reword} from "./transcripts.js";

export const Scripts = {
  list: [],
  name: null,
  dirty: false,
  busy: false,
  seq: 0,
  editor: null,

  init() {
    this.editor = new YamlEditor($("script-editor-host"), {
      id: "script-editor",
      labelledBy: "script-editor-label",
      describedBy: "script-editor-help script-problem-summary",
      onChange: () => {
        this.dirty = true;
        this.updateMeta();
        this.validateSoon();
      },
    });
    this.validateSoon = debounce(() => this.validate(), 450);
    $("save-draft").addEventListener("click", () => this.saveDraft()
      .catch((e) => say("script-status", `Kunne ikke lagre utkastet: ${e.message}`, "bad")));
    $("publish").addEventListener("click", () => this.publish());
    $("run-transcripts").addEventListener("click", () => this.runTranscripts());
    $("load-live").addEventListener("click", () => this.loadLive()
      .catch((e) => say("script-status", `Kunne ikke hente versjonen: ${e.message}`, "bad")));
    $("diagram-size").addEventListener("click", () => {
      const full = $("diagram").classList.toggle("fit") === false;
      $("diagram-size").setAttribute("aria-pressed", String(full));
      const svg = $("diagram").querySelector("svg");
      if (svg) Diagram.centreOnStart(svg, $("diagram"));
    });
  },

  async show(name, focus) {
    await this.loadList();
    if (name && name !== this.name && this.list.some((s) => s.name === name)) await this.open(name, focus);
  },

  async loadList() {
    this.list = await call(api.get("/api/admin/scripts"));
    const items = this.list.map((s) => el("li", {},
      el("a", {href: "#samtaler/" + s.name, "aria-current": s.name === this.name ? "true" : null, "data-script": s.name},
        el("span", {class: "name"}, s.name),
        el("span", {class: "sub"}, `versjon ${s.version}${s.draft ? " · utkast" : ""}`))));
    $("script-list").replaceChildren(...items);
  },

  current() {
    return this.list.find((s) => s.name === this.name);
  },

  async open(name, focus) {
    if (this.dirty && !confirm("Du har endringer som ikke er lagret. Forkaste dem?")) {
      history.replaceState(null, "", "#samtaler/" + this.name);
      return;
    }
    this.name = name;
    this.dirty = false;
    const info = this.current();
    let text;
    let fromDraft = false;
    if (info && info.draft) {
      text = await call(api.get(`/api/admin/scripts/${name}/draft`));
      fromDraft = true;
    } else {
      text = await call(api.get(`/api/admin/scripts/${name}`));
    }
    this.fromDraft = fromDraft;
    $("script-empty").hidden = true;
    $("script-workspace").hidden = false;
    $("script-title").textContent = name;
    $("script-editor-label").textContent = `Skriptet ${name} i YAML`;
    this.editor.value = text;
    $("publish-refusal").hidden = true;
    $("transcript-results").replaceChildren();
    say("transcripts-summary", "Testsamtalene er samtaler med fasit. De kjøres før hver publisering, eller nå med «Kjør testsamtalene».");
    say("script-status", "");
    for (const a of document.querySelectorAll("#script-list a")) {
      if (a.dataset.script === name) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    }
    this.updateMeta();
    await Promise.all([this.validate(), this.loadVersions(), this.loadDiagram()]);
    if (focus) $("script-title").focus();
  },

  updateMeta() {
    const s = this.current();
    if (!s) return;
    const live = `Versjon ${s.version} er i bruk (publisert av ${s.publishedBy}, ${when(s.publishedAt)}).`;
    const editing = this.dirty ? " Du har endringer som ikke er lagret." : this.fromDraft ? " Du ser på det lagrede utkastet." : "";
    $("script-meta").textContent = live + editing;
  },

  async validate() {
    const name = this.name;
    const text = this.editor.value;
    const seq = ++this.seq;
    if (!text.trim()) {
      renderProblems($("script-problems"), $("script-problem-summary"),
        [{severity: "error", line: 1, column: 1, message: "Skriptet er tomt."}], this.editor, null);
      return;
    }
    try {
      const result = await call(api.post(`/api/admin/scripts/${name}/validate`, text));
      if (seq !== this.seq || name !== this.name) return;
      renderProblems($("script-problems"), $("script-problem-summary"), result.problems, this.editor, "/" + name + ".yaml");
    } catch (e) {
      if (seq === this.seq) say("script-problem-summary", `Kunne ikke sjekke skriptet: ${e.message}`, "bad");
    }
  },

  setBusy(busy, text) {
    this.busy = busy;
    for (const id of ["save-draft", "publish", "run-transcripts", "load-live"]) $(id).disabled = busy;
    for (const b of document.querySelectorAll("#versions-body button")) b.disabled = busy;
    $("script-workspace").setAttribute("aria-busy", String(busy));
    if (text) say("script-status", text, "busy");
  },

  async saveDraft(quiet) {
    await call(api.put(`/api/admin/scripts/${this.name}/draft`, this.editor.value, "application/yaml"));
    this.dirty = false;
    this.fromDraft = true;
    const s = this.current();
    if (s) s.draft = true;
    this.updateMeta();
    await this.loadList();
    if (!quiet) say("script-status", "Utkastet er lagret. Det er ikke i bruk før du publiserer.", "ok");
    await this.loadDiagram();
  },

  async publish() {
    if (this.busy) return;
    $("publish-refusal").hidden = true;
    this.setBusy(true, "Publiserer … testsamtalene kjøres først, det kan ta et halvt minutt.");
    try {
      await this.saveDraft(true);
      const result = await call(api.post(`/api/admin/scripts/${this.name}/publish`, {}));
      this.fromDraft = false;
      await this.loadList();
      this.updateMeta();
      say("script-status", `Publisert: ${result.name} versjon ${result.version} er i bruk nå.`, "ok");
      await Promise.all([this.loadVersions(), this.loadDiagram()]);
    } catch (e) {
      if (e.status === 422 && e.data) this.refused(e.data);
      else say("script-status", `Kunne ikke publisere: ${e.message}`, "bad");
    } finally {
      this.setBusy(false);
    }
  },

  /** Shows why a publish or roll-back was refused: the errors at their lines, or the transcript turns it breaks. */
  refused(data) {
    const problems = data.problems || [];
    const transcripts = data.transcripts || [];
    say("script-status", "Ikke publisert. Versjonen som er i bruk, er uendret.", "bad");
    $("publish-refusal-text").textContent = problems.length
      ? `Skriptet har ${problems.length} feil som må rettes først:`
      : `Utkastet gir andre svar enn fasiten i ${transcripts.length} ${transcripts.length === 1 ? "tur" : "turer"} av testsamtalene:`;
    const items = problems.length
      ? problems.map((p) => el("li", {}, p.line > 0 && (!p.file || p.file.endsWith("/" + this.name + ".yaml"))
        ? el("button", {type: "button", class: "linklike", onclick: () => this.editor.goTo(p.line, p.column)}, `Linje ${p.line}: ${p.message}`)
        : p.text || p.message))
      : transcripts.map((t) => el("li", {}, t));
    $("publish-refusal-list").replaceChildren(...items);
    Reword.offer(!problems.length && transcripts.length > 0);
    $("publish-refusal").hidden = false;
    if (problems.length) {
      renderProblems($("script-problems"), $("script-problem-summary"), problems, this.editor, "/" + this.name + ".yaml");
    }
    $("publish-refusal-heading").focus();
  },

  async loadLive() {
    if (this.dirty && !confirm("Erstatte teksten i editoren med versjonen som er i bruk?")) return;
    this.editor.value = await call(api.get(`/api/admin/scripts/${this.name}`));
    this.dirty = true;
    this.fromDraft = false;
    this.updateMeta();
    say("script-status", "Versjonen som er i bruk, er hentet inn. Lagre utkast eller publiser for å gå videre med den.", "ok");
    await this.validate();
  },

  async loadVersions() {
    const name = this.name;
    const versions = await call(api.get(`/api/admin/scripts/${name}/versions`));
    if (name !== this.name) return;
    const newest = Math.max(...versions.map((v) => v.version));
    const rows = versions.slice().reverse().map((v) => el("tr", {"data-version": v.version},
      el("td", {}, v.version === newest ? `${v.version} (i bruk)` : String(v.version)),
      el("td", {}, v.publishedBy),
      el("td", {}, when(v.publishedAt)),
      el("td", {}, v.version === newest ? "" : el("button", {type: "button", class: "small", onclick: () => this.rollback(v.version)},
        `Rull tilbake til versjon ${v.version}`))));
    $("versions-body").replaceChildren(...rows);
  },

  async rollback(version) {
    if (this.busy || !confirm(`Ta i bruk versjon ${version} av ${this.name} igjen? Den publiseres som en ny versjon.`)) return;
    this.setBusy(true, `Ruller tilbake til versjon ${version} … testsamtalene kjøres først.`);
    try {
      const result = await call(api.post(`/api/admin/scripts/${this.name}/rollback`, {version}));
      await this.loadList();
      this.updateMeta();
      say("script-status", `Rullet tilbake: versjon ${version} er i bruk igjen, som versjon ${result.version}.`, "ok");
      if (!this.dirty && !this.fromDraft) this.editor.value = await call(api.get(`/api/admin/scripts/${this.name}`));
      await Promise.all([this.loadVersions(), this.loadDiagram(), this.validate()]);
    } catch (e) {
      if (e.status === 422 && e.data) this.refused(e.data);
      else say("script-status", `Kunne ikke rulle tilbake: ${e.message}`, "bad");
    } finally {
      this.setBusy(false);
    }
  },

  async runTranscripts() {
    if (this.busy) return;
    this.setBusy(true, "Kjører testsamtalene mot teksten i editoren …");
    say("transcripts-summary", "Kjører …", "busy");
    try {
      const result = await call(api.post(`/api/admin/scripts/${this.name}/transcripts`, this.editor.value));
      Transcripts.render(result);
      const total = result.passed + result.failed;
      say("script-status", result.failed === 0 ? `Alle ${total} testsamtalene gikk bra.` : `${result.failed} av ${total} testsamtaler feilet.`,
        result.failed === 0 ? "ok" : "bad");
    } catch (e) {
      if (e.status === 422 && e.data) {
        say("transcripts-summary", "Testsamtalene kan ikke kjøres før feilene i skriptet er rettet.", "bad");
        renderProblems($("script-problems"), $("script-problem-summary"), e.data.problems || [], this.editor, "/" + this.name + ".yaml");
      } else {
        say("transcripts-summary", `Kunne ikke kjøre testsamtalene: ${e.message}`, "bad");
      }
      say("script-status", "");
    } finally {
      this.setBusy(false);
    }
  },

  async loadDiagram() {
    const name = this.name;
    const s = this.current();
    const box = $("diagram");
    if (/^(global|intents)$/.test(name)) {
      box.replaceChildren();
      $("diagram-list").replaceChildren();
      $("diagram-size").hidden = true;
      $("diagram-note").textContent = `${name} har ingen steg å tegne: den gjelder alle skriptene.`;
      return;
    }
    const of = s && s.draft ? "draft" : "live";
    try {
      const text = await call(api.get(`/api/admin/scripts/${name}/diagram.svg?of=${of}`));
      if (name !== this.name) return;
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      if (doc.querySelector("parsererror")) throw new Error("diagrammet kunne ikke leses");
      const svg = document.importNode(doc.documentElement, true);
      box.replaceChildren(svg);
      // fitted to the column unless that makes the text too small to read; the button switches
      const full = Number(svg.getAttribute("width")) * 0.6 > box.clientWidth;
      box.classList.toggle("fit", !full);
      $("diagram-size").setAttribute("aria-pressed", String(full));
      $("diagram-size").hidden = false;
      Diagram.centreOnStart(svg, box);
      $("diagram-note").textContent = of === "draft" ? "Viser det lagrede utkastet. Velg et steg for å gå til det i editoren."
        : "Viser versjonen som er i bruk. Velg et steg for å gå til det i editoren.";
      for (const g of svg.querySelectorAll("g.step")) {
        g.addEventListener("click", () => this.editor.goTo(Number(g.dataset.line), 1));
      }
      Diagram.describe(svg, $("diagram-list"), (line) => this.editor.goTo(line, 1));
    } catch (e) {
      box.replaceChildren();
      $("diagram-list").replaceChildren();
      $("diagram-note").textContent = e.status === 422
        ? "Diagrammet kan ikke tegnes før utkastet kan leses. Rett feilene og lagre utkastet."
        : `Diagrammet kunne ikke hentes: ${e.message}`;
    }
  },
};
