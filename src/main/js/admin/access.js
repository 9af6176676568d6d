// Citizen access (innsyn): everything about a telephone number, asked by POST, offered as HTML and JSON files.
import {$, el, say} from "./dom.js";
import {api, call} from "./api.js";

export const Access = {
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
