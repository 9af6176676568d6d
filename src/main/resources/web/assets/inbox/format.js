// Norwegian (bokmål) words and formats for the inbox: times in the unit's time zone, waiting times, labels for
// statuses, channels, events and delivery reports. Unknown codes are shown as they are (the English fallback).

let zone; // the unit's time zone, from the queue's "office"; the browser's until known

export function setTimeZone(timeZone) {
  zone = timeZone || undefined;
}

function parts(date, options) {
  return new Intl.DateTimeFormat("nb-NO", {timeZone: zone, ...options}).format(date);
}

/** "kl. 10:02" today, "24. nov. kl. 10:02" another day; in the unit's time zone. */
export function when(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  const day = parts(date, {year: "numeric", month: "2-digit", day: "2-digit"});
  const today = parts(new Date(), {year: "numeric", month: "2-digit", day: "2-digit"});
  const time = parts(date, {hour: "2-digit", minute: "2-digit"});
  return day === today ? "kl. " + time : parts(date, {day: "numeric", month: "short"}) + " kl. " + time;
}

/** "tirsdag 26. november kl. 14:00". */
export function longWhen(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return parts(date, {weekday: "long", day: "numeric", month: "long"}) + " kl. " + parts(date, {hour: "2-digit", minute: "2-digit"});
}

/** A length of time: "45 s", "12 min 5 s", "1 t 12 min", "2 d 3 t". */
export function duration(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return s + " s";
  const m = Math.floor(s / 60);
  if (m < 60) return m + " min " + (s % 60) + " s";
  const h = Math.floor(m / 60);
  if (h < 24) return h + " t " + (m % 60) + " min";
  return Math.floor(h / 24) + " d " + (h % 24) + " t";
}

/** A running clock: "0:04:12", "13:50:00" (hours go past 24). */
export function timer(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const two = (n) => String(n).padStart(2, "0");
  return Math.floor(s / 3600) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60);
}

/** Opening time used, to the minute: "under 1 min", "8 min", "2 t 0 min". */
export function minutes(totalSeconds) {
  const m = Math.floor(Math.max(0, totalSeconds) / 60);
  if (m < 1) return "under 1 min";
  return m < 60 ? m + " min" : Math.floor(m / 60) + " t " + (m % 60) + " min";
}

const STATUS = {bot: "Hos boten", waiting: "Venter på kontakt", taken_over: "Tatt over", closed: "Lukket"};
export function status(code, assignedTo) {
  if (code === "taken_over" && assignedTo) return "Tatt over av " + assignedTo;
  return STATUS[code] || code;
}

const CHANNEL = {sms: "SMS", web: "Nettprat"};
export function channel(code) {
  return CHANNEL[code] || code;
}

const LANGUAGE = {nb: "bokmål", nn: "nynorsk", da: "dansk", sv: "svensk", en: "engelsk", und: "ukjent språk"};
export function language(code) {
  return LANGUAGE[code] || code;
}

/** Who wrote a message: the citizen, the bot, or a staff member ("staff:kari" → "kari"). */
export function author(code) {
  if (code === "citizen") return "Innbygger";
  if (code === "bot") return "Boten";
  return String(code || "").replace(/^staff:/, "");
}

const DELIVERY = {
  queued: "sendt til Twilio", accepted: "sendt til Twilio", scheduled: "planlagt", sending: "sendes", sent: "sendt",
  delivered: "levert", read: "lest", failed: "feilet", undelivered: "ikke levert", canceled: "avbrutt", unknown: "ukjent",
};
export function delivery(code) {
  return code ? DELIVERY[code] || code : "";
}

const ACTION = {
  request_contact: "ba om å bli kontaktet", cancel_contact: "trakk kontaktforespørselen", handoff: "ba om å skrive med en av oss",
  ambulant_status: "spurte om ambulant team", ambulant_request: "ba om ambulant team", list_offers: "så på grupper og kurs",
  show_offer: "leste om et tilbud", join_offer: "meldte seg på et tilbud", cancel_offer: "meldte seg av et tilbud",
};

/** One line for an event in the conversation's timeline, and whether it needs attention. */
export function event(e) {
  const d = e.detail || {};
  const who = author(e.actor);
  switch (e.type) {
    case "risk_flagged": return {text: "Risikoflagg: " + riskReasons(d.reasons), alert: true};
    case "action": return {text: "Boten: innbyggeren " + (ACTION[d.action] || d.action)};
    case "takeover": return {text: who + " tok over samtalen"};
    case "handback": return {text: who + " ga samtalen tilbake til boten"};
    case "reopen": return {text: who + " åpnet samtalen igjen"};
    case "close": return {text: who + " lukket samtalen. Utfall: " + (d.outcome || "")};
    case "note": return {text: "Notat fra " + who + ": " + (d.text || ""), note: true};
    case "first_contact": return {text: "Første kontakt etter " + minutes(Number(d.openSeconds || 0)) + " åpningstid"};
    case "escalated": return {text: "Eskalert: nær slutten av fristen", alert: true};
    case "failed": return {text: "Boten stoppet med en feil: " + (d.reason || ""), alert: true};
    case "flood": return {text: "Mange meldinger på kort tid: boten er stille for dette nummeret", alert: true};
    case "opted_out": return {text: "Innbyggeren skrev STOPP (vil ikke ha flere SMS)"};
    case "opted_in": return {text: "Innbyggeren skrev START igjen"};
    default: return {text: e.type + (Object.keys(d).length ? ": " + JSON.stringify(d) : "")};
  }
}

const RISK = {suicidal: "selvmordsfare", self_harm: "selvskading", overdose: "overdose", violence: "vold", method: "metode"};

/**
 * The safety net's reasons, readable: "lexicon:nb:suicidal:orker ikke mer emoji:skull third_person" (rule ids
 * joined by spaces; a rule's own words have spaces too; "classifier p=0.91" when only the model saw it) →
 * "selvmordsfare («orker ikke mer»), emoji skull, …".
 */
export function riskReasons(reasons) {
  const ids = String(reasons || "").split(/\s+(?=\S*:|third_person\b|classifier\b)/).filter(Boolean);
  return ids.filter((id) => !id.startsWith("discounted:")).map((id) => {
    const parts = id.split(":");
    if (parts[0] === "lexicon" && parts.length >= 4) {
      const kind = parts[2] === "method" && parts.length >= 5 ? 2 : 1;
      const words = parts.slice(2 + kind).join(":");
      return (RISK[parts[2]] || parts[2]) + " («" + words + "»)";
    }
    if (parts[0] === "emoji") return "emoji " + parts.slice(1).join(":");
    if (id === "third_person") return "bekymring for en annen";
    if (id.startsWith("classifier ")) return "vurdert av modellen (" + id.slice("classifier ".length) + ")";
    return id;
  }).join(", ");
}

const CATEGORY = {
  coping: "Mestring", recovery_school: "Recoveryskolen", relatives: "Pårørende", cannabis: "Cannabis",
  psychologist: "Psykolog", peer: "Likeperson", user_org: "Brukerorganisasjon", activity: "Aktivitet",
};
export function category(code) {
  return CATEGORY[code] || code;
}

const REQUEST_STATUS = {open: "Åpen", done: "Ferdig", cancelled: "Trukket"};
export function requestStatus(code) {
  return REQUEST_STATUS[code] || code;
}

/** How the citizen wants to be contacted: "Ring meg" / "Send SMS". */
export function contactBy(code) {
  return code === "call" ? "Ring" : code === "sms" ? "SMS" : code === "web" ? "Nettprat" : code || "";
}

/** The citizen's answer to an appointment. */
export function answer(code) {
  return code === "yes" ? "Ja, kommer" : code === "no" ? "Nei, må endre" : "Ikke svart ennå";
}
