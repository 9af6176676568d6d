// Transcript results per turn, and rewording: when a publish is refused only because transcripts show the old
// texts, the old and new text per turn, and accepting the new texts into the transcripts.
import {$, el, say} from "./dom.js";
import {api, call} from "./api.js";

export const Transcripts = {
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

// ---------------------------------------------------------------- rewording: transcripts take the new texts

export const Reword = {
  scriptName: () => null,

  /** scriptName tells which script the editor shows. */
  init(scriptName) {
    this.scriptName = scriptName;
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
    const review = await call(api.post(`/api/admin/scripts/${this.scriptName()}/transcripts/review`, {}));
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
    const result = await call(api.post(`/api/admin/scripts/${this.scriptName()}/transcripts/accept`, {}));
    $("reword-accept").hidden = true;
    say("reword-status", `${result.accepted.length} ${result.accepted.length === 1 ? "testsamtale" : "testsamtaler"} har fått de nye tekstene. Publiser igjen.`, "ok");
    $("publish").focus();
  },
};
