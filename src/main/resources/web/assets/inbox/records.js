// Call-backs and the journal: the citizen's full number on request (each reveal is logged on the server) as a
// tel: link, the conversation as journal text or a FHIR file, and the reply's cost in SMS parts, counted by
// the server's own rules (POST /api/inbox/segments) so the page and what Twilio bills cannot drift apart.
import {byId, show} from "./dom.js";

const WAIT_MS = 250; // count when typing pauses, not on every key

export function createRecords({base, failed, error, tell}) {
  const box = byId("records-box");
  const reveal = byId("reveal-number");
  const call = byId("call-link");
  const cost = byId("reply-cost");
  const warning = byId("reply-cost-warning");
  let shownFor = null;
  let timer = null;
  let asked = 0;

  /** Peer workers may not see numbers or export: the box stays hidden for them (the server refuses them too). */
  function show_(conversation) {
    const session = KontaktApi.session();
    show(box, !!session && session.role !== "peer");
    if (shownFor === conversation.id) return;
    shownFor = conversation.id;
    show(reveal, true);
    show(call, false);
    call.textContent = "";
    byId("export-text").href = base() + "/export.txt";
    byId("export-fhir").href = base() + "/export.fhir.json";
  }

  async function revealNumber() {
    error.textContent = "";
    reveal.disabled = true;
    try {
      const {number} = await KontaktApi.post(base() + "/reveal-number");
      call.href = "tel:" + number;
      call.textContent = "Ring " + number;
      show(call, true);
      show(reveal, false);
      tell("Nummeret er " + number + ".");
      call.focus();
    } catch (e) {
      if (e.code === "no_number") error.textContent = "Innbyggeren har ikke gitt noe nummer i denne samtalen.";
      else failed(e, error);
    } finally {
      reveal.disabled = false;
    }
  }

  /** Counts the reply once typing pauses; only the latest answer is shown. */
  function count(text, channel) {
    clearTimeout(timer);
    timer = setTimeout(() => measure(text, channel), text ? WAIT_MS : 0);
  }

  async function measure(text, channel) {
    const mine = ++asked;
    let r;
    try {
      r = await KontaktApi.post("/api/inbox/segments", {text});
    } catch (e) {
      return; // the counter is advice: a lapsed login shows elsewhere
    }
    if (mine !== asked) return;
    const parts = r.segments === 1 ? "1 SMS-del" : r.segments + " SMS-deler";
    cost.textContent = ", " + parts + " (" + r.encoding + ")";
    cost.dataset.segments = String(r.segments);
    cost.dataset.encoding = r.encoding;
    const sms = channel === "sms";
    const reasons = [];
    if (sms && r.segments >= 3) reasons.push("svaret sendes som " + r.segments + " SMS-er");
    if (sms && r.encoding === "UCS-2") reasons.push("emoji eller spesialtegn (som " + (r.culprits.map((c) => c.character).slice(0, 3).join(" ") || "typografiske anførselstegn")
      + ") gjør at bare 70 tegn får plass per SMS");
    const text_ = reasons.length ? "Obs: " + reasons.join(", og ") + "." : "";
    if (warning.textContent !== text_) warning.textContent = text_;
  }

  reveal.addEventListener("click", revealNumber);
  return {show: show_, count};
}
