// The coordinator's page (/admin): scripts in an editor that checks as you type, the server's diagram of the
// steps, transcripts on demand, publish and roll back; offers and hours; canned replies; weekly statistics.
// Plain JavaScript over KontaktApi (api.js). No framework, no third-party code, nothing inline (strict CSP).
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const api = KontaktApi;
  const LANGUAGES = [["nb", "Bokmål"], ["nn", "Nynorsk"], ["da", "Dansk"], ["sv", "Svensk"], ["en", "Engelsk"]];
  const VIEWS = {samtaler: "scripts-view", innstillinger: "settings-view", ferdigsvar: "canned-view", statistikk: "stats-view",
    brukere: "users-view"};

  /** Makes an element with attributes and children (strings become text, never HTML). */
  function el(tag, attrs, ...children) {
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
  const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "");

  function say(target, text, kind) {
    const box = typeof target === "string" ? $(target) : target;
    box.textContent = text;
    box.className = box.className.replace(/\b(ok|bad|busy)\b/g, "").trim() + (kind ? " " + kind : "");
  }

  /** Runs an API call; a lost login goes back to the login form instead of failing. */
  async function call(promise) {
    try {
      return await promise;
    } catch (e) {
      if (e instanceof api.ApiError && e.status === 401) {
        showLogin("Innloggingen er utløpt. Logg inn igjen.");
      }
      throw e;
    }
  }

  function debounce(fn, ms) {
    let timer = null;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  // ---------------------------------------------------------------- the editor: a textarea with a line gutter

  /** A textarea with line numbers, problem marks in the gutter and behind the lines, and a way to go to a line. */
  class LineEditor {
    constructor(textarea, onChange) {
      this.textarea = textarea;
      const box = textarea.closest(".editor");
      this.gutter = box.querySelector(".gutter");
      this.marks = box.querySelector(".marks");
      this.problems = [];
      this.lines = 0;
      textarea.addEventListener("input", () => {
        this.renderGutter();
        onChange(this.value);
      });
      textarea.addEventListener("scroll", () => this.syncScroll());
      window.addEventListener("resize", () => this.renderMarks());
    }

    get value() {
      return this.textarea.value;
    }

    set value(text) {
      this.textarea.value = text;
      this.textarea.scrollTop = 0;
      this.problems = [];
      this.renderGutter(true);
    }

    lineHeight() {
      return parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
    }

    padTop() {
      return parseFloat(getComputedStyle(this.textarea).paddingTop) || 0;
    }

    renderGutter(force) {
      const count = this.textarea.value.split("\n").length;
      if (count !== this.lines || force) {
        this.lines = count;
        const items = [];
        for (let i = 1; i <= count; i++) items.push(el("div", {"data-line": i, class: "ln"}, String(i)));
        this.gutter.replaceChildren(...items);
      }
      this.paintProblems();
    }

    setProblems(problems) {
      this.problems = problems;
      this.paintProblems();
    }

    paintProblems() {
      for (const n of this.gutter.querySelectorAll(".has-error, .has-warning")) {
        n.classList.remove("has-error", "has-warning");
        n.removeAttribute("title");
      }
      for (const p of this.problems) {
        const n = this.gutter.querySelector(`[data-line="${p.line}"]`);
        if (!n) continue;
        if (p.severity === "error") {
          n.classList.remove("has-warning");
          n.classList.add("has-error");
        } else if (!n.classList.contains("has-error")) {
          n.classList.add("has-warning");
        }
        n.title = (n.title ? n.title + "\n" : "") + p.message;
      }
      this.renderMarks();
    }

    renderMarks() {
      const h = this.lineHeight();
      const top = this.padTop();
      const bars = [];
      const seen = new Set();
      for (const p of this.problems) {
        if (!p.line || seen.has(p.line + p.severity)) continue;
        seen.add(p.line + p.severity);
        const bar = el("div", {class: "mark " + (p.severity === "error" ? "mark-error" : "mark-warning")});
        bar.style.top = (top + (p.line - 1) * h) + "px";
        bar.style.height = h + "px";
        bars.push(bar);
      }
      const inner = el("div", {class: "marks-inner"}, bars);
      this.marks.replaceChildren(inner);
      this.syncScroll();
    }

    syncScroll() {
      this.gutter.scrollTop = this.textarea.scrollTop;
      const inner = this.marks.firstChild;
      if (inner) inner.style.transform = `translate(${-this.textarea.scrollLeft}px, ${-this.textarea.scrollTop}px)`;
    }

    /** Moves the caret to a line (and column) and scrolls it into view. */
    goTo(line, column) {
      const lines = this.textarea.value.split("\n");
      const target = Math.max(1, Math.min(line, lines.length));
      let offset = 0;
      for (let i = 0; i < target - 1; i++) offset += lines[i].length + 1;
      offset += Math.max(0, Math.min((column || 1) - 1, lines[target - 1].length));
      this.textarea.focus();
      this.textarea.setSelectionRange(offset, offset);
      const h = this.lineHeight();
      const y = (target - 1) * h;
      const view = this.textarea.clientHeight;
      if (y < this.textarea.scrollTop || y > this.textarea.scrollTop + view - 2 * h) {
        this.textarea.scrollTop = Math.max(0, y - view / 3);
      }
      this.syncScroll();
    }
  }

  /** Fills a problem list: each problem of this file is a button that moves the caret to its line. */
  function renderProblems(list, summary, problems, editor, fileSuffix) {
    const mine = [];
    const items = problems.map((p) => {
      const own = !fileSuffix || !p.file || p.file.endsWith(fileSuffix);
      const sev = p.severity === "error" ? "Feil" : "Advarsel";
      if (own) mine.push(p);
      if (own && p.line > 0) {
        return el("li", {class: "problem " + p.severity},
          el("button", {type: "button", class: "linklike", "data-line": p.line, onclick: () => editor.goTo(p.line, p.column)},
            el("span", {class: "where"}, `${sev} på linje ${p.line}:`), " ", p.message));
      }
      const file = p.file ? p.file.split("/").pop() : "";
      return el("li", {class: "problem " + p.severity},
        el("span", {class: "where"}, own ? `${sev}:` : `${sev} i ${file}${p.line > 0 ? ", linje " + p.line : ""}:`), " ", p.message);
    });
    list.replaceChildren(...items);
    editor.setProblems(mine);
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;
    const text = errors === 0 && warnings === 0 ? "Ingen feil."
      : errors === 0 ? `Ingen feil, ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}.`
      : `${errors} ${errors === 1 ? "feil" : "feil"}${warnings ? ` og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : ""}. Velg en feil for å gå til linjen.`;
    if (summary.textContent !== text) summary.textContent = text;
    summary.classList.toggle("bad", errors > 0);
    return errors;
  }

  // ---------------------------------------------------------------- login and navigation

  function showLogin(message) {
    for (const id of Object.values(VIEWS)) $(id).hidden = true;
    $("nav").hidden = true;
    $("who").hidden = true;
    $("totp-view").hidden = true;
    $("login-view").hidden = false;
    $("login-error").textContent = message || "";
    KontaktSignIn.resetCode();
    $("username").focus();
  }

  async function showApp(session, focus) {
    $("login-view").hidden = true;
    if (session.mustEnrolTotp) { // an admin sets up the second factor before anything else
      await KontaktSignIn.enrol(() => { for (const id of Object.values(VIEWS)) $(id).hidden = true; });
    }
    $("nav").hidden = false;
    $("who").hidden = false;
    $("who-name").textContent = `Logget inn som ${session.username}`;
    await route(focus);
  }

  async function route(focus) {
    const hash = location.hash.replace(/^#/, "");
    const [view, arg] = hash.split("/");
    const name = VIEWS[view] ? view : "samtaler";
    for (const [key, id] of Object.entries(VIEWS)) $(id).hidden = key !== name;
    for (const a of document.querySelectorAll("#nav a")) {
      if (a.getAttribute("href") === "#" + name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    if (focus && !(name === "samtaler" && arg)) $(VIEWS[name]).querySelector("h2").focus();
    if (name === "samtaler") await Scripts.show(arg, focus);
    if (name === "innstillinger") await SettingsView.show();
    if (name === "ferdigsvar") await Canned.show();
    if (name === "statistikk") await Stats.show();
    if (name === "brukere") await call(KontaktSignIn.users());
  }

  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const username = $("username").value.trim();
    const password = $("password").value;
    if (!username || !password) {
      $("login-error").textContent = "Skriv brukernavn og passord.";
      return;
    }
    try {
      const session = await api.login(username, password, KontaktSignIn.code());
      $("password").value = "";
      KontaktSignIn.resetCode();
      if (session.role !== "admin") {
        await api.logout();
        $("login-error").textContent = `Kontoen ${session.username} har rollen ${session.role}. Denne siden er for administratorer.`;
        return;
      }
      $("login-error").textContent = "";
      await showApp(session, true);
    } catch (e) {
      $("login-error").textContent = KontaktSignIn.refusal(e);
    }
  });

  $("logout").addEventListener("click", async () => {
    if (Scripts.dirty && !confirm("Du har endringer som ikke er lagret. Logge ut likevel?")) return;
    Scripts.dirty = false;
    try { await api.logout(); } catch (e) { /* logged out anyway */ }
    showLogin("Du er logget ut.");
  });

  // Links in the script list open a script through the address (#samtaler/contact), so Back works too.
  window.addEventListener("hashchange", () => {
    if (api.session()) route(true).catch((e) => say("status", `Noe gikk galt: ${e.message}`, "bad"));
  });
  window.addEventListener("beforeunload", (event) => {
    if (Scripts.dirty || SettingsView.dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // ---------------------------------------------------------------- scripts

  const Scripts = {
    list: [],
    name: null,
    dirty: false,
    busy: false,
    seq: 0,
    editor: null,

    init() {
      this.editor = new LineEditor($("script-editor"), () => {
        this.dirty = true;
        this.updateMeta();
        this.validateSoon();
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
      document.querySelector("label[for=script-editor]").textContent = `Skriptet ${name} i YAML`;
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

  // ---------------------------------------------------------------- the diagram's text alternative

  const Diagram = {
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

  // ---------------------------------------------------------------- transcript results

  const Transcripts = {
    render(result) {
      const total = result.passed + result.failed;
      say("transcripts-summary", `${result.passed} av ${total} testsamtaler gikk bra${result.failed ? `, ${result.failed} feilet` : ""}.`,
        result.failed ? "bad" : "ok");
      const blocks = result.transcripts.map((t) => {
        const mark = t.passed ? "✓ Bestått" : "✗ Feilet";
        const rows = t.turns.map((turn) => el("tr", {class: turn.passed ? "pass" : "fail"},
          el("th", {scope: "row"}, String(turn.turn)),
          el("td", {}, turn.in !== null && turn.in !== undefined ? `«${turn.in}»` : turn.clock ? `(tiden går: ${turn.clock})` : ""),
          el("td", {}, turn.out.length ? turn.out.join("\n") : turn.contains.length ? `skal inneholde: ${turn.contains.join(" · ")}` : "(ingenting)"),
          el("td", {}, turn.passed ? "✓ Bestått" : ["✗ Feilet: ", turn.failures.join(" ")])));
        const table = el("table", {class: "turns"},
          el("caption", {class: "visually-hidden"}, `Turene i ${t.file}`),
          el("thead", {}, el("tr", {}, el("th", {scope: "col"}, "Tur"), el("th", {scope: "col"}, "Innbyggeren"),
            el("th", {scope: "col"}, "Boten"), el("th", {scope: "col"}, "Resultat"))),
          el("tbody", {}, rows));
        const end = t.endFailures.length ? el("p", {class: "bad"}, "Til slutt: ", t.endFailures.join("; ")) : null;
        const error = t.error ? el("p", {class: "bad"}, t.error) : null;
        return el("details", {class: "transcript " + (t.passed ? "pass" : "fail"), open: !t.passed},
          el("summary", {}, `${mark}: ${t.file}`, t.name && t.name !== t.file ? ` – ${t.name}` : ""), error, table, end);
      });
      $("transcript-results").replaceChildren(...blocks);
    },
  };

  // ---------------------------------------------------------------- settings: offers, hours, emergency numbers

  const SettingsView = {
    name: null,
    dirty: false,
    seq: 0,
    openSeq: 0,

    init() {
      this.editor = new LineEditor($("setting-editor"), () => {
        this.dirty = true;
        this.validateSoon();
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

  // ---------------------------------------------------------------- canned replies

  const Canned = {
    init() {
      $("canned-new").querySelector(".langs").replaceChildren(...this.fields("new", {}));
      $("canned-new").addEventListener("submit", async (event) => {
        event.preventDefault();
        const id = $("canned-new-id").value.trim();
        if (!/^[a-z0-9_-]{1,40}$/.test(id)) {
          say("canned-status", "Navnet kan ha små bokstaver, tall, _ og - (høyst 40 tegn).", "bad");
          $("canned-new-id").focus();
          return;
        }
        if (await this.save(id, $("canned-new"))) {
          $("canned-new").reset();
          await this.show();
        }
      });
    },

    fields(prefix, texts) {
      return LANGUAGES.map(([code, label]) => el("div", {class: "lang"},
        el("label", {for: `canned-${prefix}-${code}`}, label),
        el("textarea", {id: `canned-${prefix}-${code}`, "data-lang": code, rows: 2}, texts[code] || "")));
    },

    async show() {
      const replies = await call(api.get("/api/inbox/canned-replies"));
      const forms = replies.map((r) => {
        const form = el("form", {class: "canned", "aria-labelledby": `canned-h-${r.id}`},
          el("h3", {id: `canned-h-${r.id}`}, r.id), this.fields(r.id, r.texts || {}),
          el("button", {type: "submit"}, `Lagre ${r.id}`));
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          this.save(r.id, form);
        });
        return form;
      });
      $("canned-list").replaceChildren(...(forms.length ? forms : [el("p", {}, "Det er ingen ferdigsvar ennå.")]));
    },

    async save(id, form) {
      const texts = {};
      for (const t of form.querySelectorAll("textarea[data-lang]")) if (t.value.trim()) texts[t.dataset.lang] = t.value.trim();
      if (!Object.keys(texts).length) {
        say("canned-status", "Skriv teksten på minst ett språk.", "bad");
        return false;
      }
      try {
        await call(api.put(`/api/admin/canned-replies/${id}`, texts));
        say("canned-status", `Ferdigsvaret ${id} er lagret.`, "ok");
        return true;
      } catch (e) {
        say("canned-status", `Kunne ikke lagre: ${e.message}`, "bad");
        return false;
      }
    },
  };

  // ---------------------------------------------------------------- statistics

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

  const Stats = {
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

  // ---------------------------------------------------------------- rewording: transcripts take the new texts

  const Reword = {
    init() {
      $("reword-review").addEventListener("click", () => this.review().catch((e) => say("reword-status", `Kunne ikke sjekke: ${e.message}`, "bad")));
      $("reword-accept").addEventListener("click", () => this.accept().catch((e) => say("reword-status", `Kunne ikke godta: ${e.message}`, "bad")));
    },

    /** Offered when a publish was refused only because transcripts show other texts. */
    offer(show) {
      $("reword").hidden = !show;
      $("reword-diff").replaceChildren();
      $("reword-accept").hidden = true;
      say("reword-status", "");
    },

    async review() {
      say("reword-status", "Sjekker testsamtalene …", "busy");
      const review = await call(api.post(`/api/admin/scripts/${Scripts.name}/transcripts/review`, {}));
      this.render(review);
      $("reword-accept").hidden = !review.acceptable;
      say("reword-status", review.acceptable ? "Bare tekster er endret. Se over og godta." : this.why(review), review.acceptable ? "" : "bad");
    },

    why(review) {
      if (review.structural) return `Utkastet endrer mer enn tekster (${review.structural}). Da må testsamtalene gå bra som de er.`;
      const bad = review.transcripts.find((t) => t.problem);
      return bad ? `${bad.file}: ${bad.problem}.` : "Alle testsamtalene går bra. Du kan publisere.";
    },

    /** Old → new per turn: the removed text struck through, the new text under it. */
    render(review) {
      $("reword-diff").replaceChildren(...review.transcripts.map((t) => el("section", {class: "reword-file"},
        el("h5", {}, `${t.name} (${t.file})`),
        el("ul", {}, t.turns.map((turn) => el("li", {},
          el("p", {}, `Tur ${turn.turn}${turn.in ? ` («${turn.in}»)` : ""}:`),
          turn.texts.map((x) => el("p", {class: "reword-pair"},
            el("span", {class: "visually-hidden"}, "Gammel tekst: "), el("del", {}, x.before), el("br"),
            el("span", {class: "visually-hidden"}, "Ny tekst: "), el("ins", {}, x.after)))))),
        t.problem ? el("p", {class: "bad"}, t.problem) : null)));
    },

    async accept() {
      say("reword-status", "Godtar …", "busy");
      const result = await call(api.post(`/api/admin/scripts/${Scripts.name}/transcripts/accept`, {}));
      $("reword-accept").hidden = true;
      say("reword-status", `${result.accepted.length} ${result.accepted.length === 1 ? "testsamtale" : "testsamtaler"} har fått de nye tekstene. Publiser igjen.`, "ok");
      $("publish").focus();
    },
  };
  Reword.init();

  // ---------------------------------------------------------------- citizen access (innsyn)

  VIEWS.innsyn = "access-view";
  const Access = {
    urls: [],

    init() {
      $("access-form").addEventListener("submit", (event) => {
        event.preventDefault();
        this.fetch().catch((e) => say("access-status", `Kunne ikke hente: ${e.message}`, "bad"));
      });
    },

    /** Asks by POST (the number stays out of addresses and logs), shows a summary and offers both files. */
    async fetch() {
      const number = $("access-number").value.trim();
      if (!number) {
        say("access-status", "Skriv et telefonnummer.", "bad");
        return;
      }
      say("access-status", "Henter …", "busy");
      const report = await call(api.post("/api/admin/access-export", {number}));
      const html = await call(api.post("/api/admin/access-export", {number, format: "html"}));
      const count = (list, one, many) => `${list.length} ${list.length === 1 ? one : many}`;
      $("access-summary").replaceChildren(
        el("li", {}, count(report.conversations, "samtale", "samtaler")),
        el("li", {}, count(report.contactRequests, "kontaktønske", "kontaktønsker")),
        el("li", {}, count(report.enrolments, "påmelding", "påmeldinger")),
        el("li", {}, count(report.appointments, "avtale", "avtaler")),
        el("li", {}, count(report.accessLog, "oppslag i loggen", "oppslag i loggen")));
      this.urls.forEach((u) => URL.revokeObjectURL(u));
      const file = `innsyn-${report.number.replace(/[^0-9]/g, "")}`;
      this.urls = [URL.createObjectURL(new Blob([html], {type: "text/html"})),
        URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], {type: "application/json"}))];
      $("access-html").href = this.urls[0];
      $("access-html").setAttribute("download", file + ".html");
      $("access-json").href = this.urls[1];
      $("access-json").setAttribute("download", file + ".json");
      $("access-result").hidden = false;
      say("access-status", `Opplysninger om ${report.number} er hentet. Uttaket er logget.`, "ok");
    },
  };
  Access.init();

  // ---------------------------------------------------------------- start

  async function start() {
    Scripts.init();
    SettingsView.init();
    Canned.init();
    Stats.init();
    KontaktSignIn.offerSso();
    const session = await api.resume();
    if (session && session.role === "admin") await showApp(session, false);
    else showLogin(session ? `Kontoen ${session.username} har rollen ${session.role}. Denne siden er for administratorer.` : "");
  }

  start().catch((e) => say("status", `Noe gikk galt: ${e.message}`, "bad"));
})();
