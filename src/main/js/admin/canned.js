// Canned replies: the short answers staff pick in the inbox, one text per language.
import {$, el, say} from "./dom.js";
import {api, call} from "./api.js";

const LANGUAGES = [["nb", "Bokmål"], ["nn", "Nynorsk"], ["da", "Dansk"], ["sv", "Svensk"], ["en", "Engelsk"]];

export const Canned = {
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
