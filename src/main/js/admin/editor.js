// The YAML editor of the admin page: CodeMirror 6 with YAML highlighting, line numbers, undo, and the server
// validator's problems shown at their lines (a mark in the margin, the text underlined, the message on hover
// and in the lint panel, Ctrl-Shift-M / F8), search and replace (Ctrl-F), go to a line (Ctrl-Alt-G). Tab is left to move on to the next field, as everywhere else;
// indent with spaces. Styles: the highlighting uses fixed class names (tok-*) styled in admin.css; CodeMirror's
// own base styles go in a <style> element that carries the page's nonce (see the content security policy).
import {EditorState} from "@codemirror/state";
import {EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap} from "@codemirror/commands";
import {indentOnInput, indentUnit, syntaxHighlighting} from "@codemirror/language";
import {yaml} from "@codemirror/lang-yaml";
import {lintGutter, lintKeymap, setDiagnostics} from "@codemirror/lint";
import {search, searchKeymap} from "@codemirror/search";
import {classHighlighter} from "@lezer/highlight";

/** The nonce the server put in the page for the editor's style element, or "" when it sent none. */
function cspNonce() {
  const meta = document.querySelector("meta[name='csp-nonce']");
  return meta ? meta.content : "";
}

/** CodeMirror's own words (search panel, lint panel, go to line) in Norwegian, like the rest of the page. */
const PHRASES = {
  "Find": "Finn", "Replace": "Erstatt med", "next": "neste", "previous": "forrige", "all": "alle",
  "match case": "skill mellom store og små bokstaver", "regexp": "regulært uttrykk", "by word": "hele ord",
  "replace": "erstatt", "replace all": "erstatt alle", "close": "lukk", "current match": "treffet",
  "replaced $ matches": "erstattet $ treff", "replaced match on line $": "erstattet treffet på linje $", "on line": "på linje",
  "Go to line": "Gå til linje", "go": "gå", "Diagnostics": "Feil og advarsler", "No diagnostics": "Ingen feil",
  "Control character": "Kontrolltegn",
};

/** Where a validator problem ({line, column, severity, message}) falls in the text, as a lint diagnostic. */
function diagnostic(doc, problem) {
  const line = doc.line(Math.max(1, Math.min(problem.line, doc.lines)));
  const indent = /^\s*/.exec(line.text)[0].length;
  let from = line.from + (problem.column > 1 ? problem.column - 1 : indent);
  if (from >= line.to) from = line.from + Math.min(indent, line.length); // a column past the text: the whole line
  return {from, to: line.to, severity: problem.severity === "error" ? "error" : "warning", message: problem.message, source: "validator"};
}

export class YamlEditor {
  /**
   * Makes an editor in host. options: id (of the editable element), labelledBy, describedBy (ids), onChange
   * (called with nothing after each edit the person makes).
   */
  constructor(host, options) {
    this.onChange = options.onChange || (() => {});
    this.extensions = [
      lineNumbers(),
      lintGutter(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      indentOnInput(),
      highlightActiveLine(),
      search(),
      EditorState.phrases.of(PHRASES),
      yaml(),
      syntaxHighlighting(classHighlighter),
      indentUnit.of("  "),
      EditorState.tabSize.of(2),
      EditorView.cspNonce.of(cspNonce()),
      EditorView.contentAttributes.of({
        id: options.id,
        tabindex: "0", // in the tab order as before; said outright so that checkers see the scrolling area can be reached
        "aria-labelledby": options.labelledBy,
        "aria-describedby": options.describedBy,
        spellcheck: "false",
        autocapitalize: "off",
        autocorrect: "off",
      }),
      keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.onChange(); // the person's edits: a new text comes through setState, unseen here
      }),
    ];
    this.view = new EditorView({parent: host, state: EditorState.create({doc: "", extensions: this.extensions})});
  }

  get value() {
    return this.view.state.doc.toString();
  }

  /** Shows another text: a fresh start (no undo back into the old one, no problems). */
  set value(text) {
    this.view.setState(EditorState.create({doc: text, extensions: this.extensions}));
    this.view.scrollDOM.scrollTop = 0;
  }

  /** Shows the validator's problems of this text at their lines (those without a line stay in the list only). */
  setProblems(problems) {
    const doc = this.view.state.doc;
    const diagnostics = problems.filter((p) => p.line > 0).map((p) => diagnostic(doc, p))
      .sort((a, b) => a.from - b.from);
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Moves the caret to a line (and column), scrolls it into view and puts the focus in the editor. */
  goTo(line, column) {
    const doc = this.view.state.doc;
    const target = doc.line(Math.max(1, Math.min(line, doc.lines)));
    const pos = target.from + Math.max(0, Math.min((column || 1) - 1, target.length));
    this.view.dispatch({selection: {anchor: pos}, scrollIntoView: true});
    this.view.focus();
  }
}
