// Settings: the offers (groups and courses), the office's and the ambulant team's hours, the emergency numbers,
// each as YAML in the editor, checked as you type; saved, effective at once.
import {$, say, when, debounce} from "./dom.js";
import {api, call} from "./api.js";
import {YamlEditor} from "./editor.js";
import {renderProblems} from "./problems.js";

export const SettingsView = {
  name: null,
  dirty: false,
  seq: 0,
  openSeq: 0,

  init() {
    this.editor = new YamlEditor($("setting-editor-host"), {
      id: "setting-editor",
      labelledBy: "setting-editor-label",
      describedBy: "setting-editor-help setting-problem-summary",
      onChange: () => {
        this.dirty = true;
        this.validateSoon();
      },
    });
    this.validateSoon = debounce(() => this.validate(), 450);
    $("setting-select").addEventListener("change", () => this.open($("setting-select").value)
      .catch((e) => say("setting-status", `Kunne ikke hente innstillingen: ${e.message}`, "bad")));
    $("setting-save").addEventListener("click", () => this.save());
  },

  async show() {
    if (!this.name) await this.open($("setting-select").value);
  },

  async open(name) {
    if (this.dirty && !confirm("Du har endringer som ikke er lagret. Forkaste dem?")) {
      $("setting-select").value = this.name;
      return;
    }
    this.name = name;
    this.dirty = false;
    const seq = ++this.openSeq;
    const [list, text] = await Promise.all([call(api.get("/api/admin/settings")), call(api.get(`/api/admin/settings/${name}`))]);
    if (seq !== this.openSeq) return;
    const info = list.find((s) => s.name === name);
    $("setting-meta").textContent = info ? `Versjon ${info.version}, endret av ${info.changedBy}, ${when(info.changedAt)}.` : "";
    this.editor.value = text;
    say("setting-status", "");
    await this.validate();
  },

  async validate() {
    const seq = ++this.seq;
    try {
      const result = await call(api.post(`/api/admin/settings/${this.name}/validate`, this.editor.value));
      if (seq === this.seq) renderProblems($("setting-problems"), $("setting-problem-summary"), result.problems, this.editor, null);
    } catch (e) {
      if (seq === this.seq) say("setting-problem-summary", `Kunne ikke sjekke: ${e.message}`, "bad");
    }
  },

  async save() {
    $("setting-save").disabled = true;
    try {
      const result = await call(api.put(`/api/admin/settings/${this.name}`, this.editor.value, "application/yaml"));
      this.dirty = false;
      say("setting-status", `Lagret som versjon ${result.version}. Endringen gjelder fra nå.`, "ok");
      const list = await call(api.get("/api/admin/settings"));
      const info = list.find((s) => s.name === this.name);
      if (info) $("setting-meta").textContent = `Versjon ${info.version}, endret av ${info.changedBy}, ${when(info.changedAt)}.`;
    } catch (e) {
      if (e.status === 422 && e.data && e.data.located) {
        say("setting-status", "Ikke lagret: rett feilene i listen under. Innstillingen som gjelder, er uendret.", "bad");
        renderProblems($("setting-problems"), $("setting-problem-summary"), e.data.located, this.editor, null);
      } else {
        say("setting-status", `Kunne ikke lagre: ${e.message}`, "bad");
      }
    } finally {
      $("setting-save").disabled = false;
    }
  },
};
