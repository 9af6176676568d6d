// Kontakt's web chat on a municipality's own page, with one script tag:
//   <script src="https://kontakt.kommune.no/assets/embed.js" defer></script>
// It adds a button ("Chat med oss") at the bottom right that opens the chat (/chat) in a frame; the frame's
// "close" button or Escape closes it again and gives the focus back to the button. Optional attributes on the
// script tag: data-lang="nn" (else the page's lang, else the browser's), data-label="Snakk med oss".
// The page's site must be listed in server.embed_origins, or the browser refuses to show the frame.
"use strict";

(() => {
  const script = document.currentScript;
  if (!script || window.__kontaktChat) return;
  window.__kontaktChat = true;
  const origin = new URL(script.src, window.location.href).origin;
  const labels = {nb: "Chat med oss", nn: "Chat med oss", da: "Chat med os", sv: "Chatta med oss", en: "Chat with us"};
  const closes = {nb: "Lukk chatten", nn: "Lukk chatten", da: "Luk chatten", sv: "Stäng chatten", en: "Close the chat"};
  const tag = (script.dataset.lang || document.documentElement.lang || navigator.language || "nb").toLowerCase();
  const primary = tag.split(/[-_]/)[0];
  const lang = primary === "no" ? "nb" : (labels[primary] ? primary : "nb");

  const button = document.createElement("button");
  button.type = "button";
  button.textContent = script.dataset.label || labels[lang];
  button.setAttribute("aria-expanded", "false");
  Object.assign(button.style, {
    position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483646", padding: "0.75rem 1.25rem",
    border: "2px solid #ffffff", borderRadius: "2rem", background: "#0b5394", color: "#ffffff",
    font: "600 1rem system-ui, sans-serif", boxShadow: "0 2px 8px rgba(0,0,0,0.35)", cursor: "pointer",
  });

  let panel = null;

  function open() {
    if (!panel) {
      panel = document.createElement("div");
      panel.id = "kontakt-chat-panel";
      Object.assign(panel.style, {
        position: "fixed", right: "1rem", bottom: "4.75rem", zIndex: "2147483647", width: "min(26rem, calc(100vw - 2rem))",
        height: "min(40rem, calc(100vh - 6rem))", border: "1px solid #545460", borderRadius: "0.75rem",
        overflow: "hidden", background: "#ffffff", boxShadow: "0 4px 16px rgba(0,0,0,0.35)",
      });
      const frame = document.createElement("iframe");
      frame.src = origin + "/chat?embed=1&lang=" + encodeURIComponent(lang);
      frame.title = labels[lang];
      Object.assign(frame.style, {width: "100%", height: "100%", border: "0"});
      panel.append(frame);
      document.body.append(panel);
      button.setAttribute("aria-controls", panel.id);
    }
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    button.textContent = closes[lang];
    panel.querySelector("iframe").focus();
  }

  function close() {
    if (!panel) return;
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.textContent = script.dataset.label || labels[lang];
    button.focus();
  }

  button.addEventListener("click", () => (panel && !panel.hidden ? close() : open()));
  window.addEventListener("message", (e) => {
    if (e.origin === origin && e.data && e.data.kontakt === "close") close();
  });
  const add = () => document.body.append(button);
  if (document.body) add(); else document.addEventListener("DOMContentLoaded", add);
})();
