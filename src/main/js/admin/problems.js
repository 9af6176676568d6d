// The list of the validator's problems under an editor, and the same problems shown in the editor at their lines.
import {el} from "./dom.js";

/**
 * Fills a problem list: each problem of this file is a button that moves the caret to its line; the problems
 * of this file go to the editor too. Problems of other files (fileSuffix given) are listed with their file.
 * Returns the number of errors.
 */
export function renderProblems(list, summary, problems, editor, fileSuffix) {
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
    : `${errors} feil${warnings ? ` og ${warnings} ${warnings === 1 ? "advarsel" : "advarsler"}` : ""}. Velg en feil for å gå til linjen.`;
  if (summary.textContent !== text) summary.textContent = text;
  summary.classList.toggle("bad", errors > 0);
  return errors;
}
