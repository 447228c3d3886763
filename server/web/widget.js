/*
 * Hemicycle — embeddable search widget. Plain JavaScript, no dependency.
 *
 *   <div id="recherche"></div>
 *   <script src="https://HOST/widget.js" data-target="#recherche"
 *           data-filter="type:résolution" data-limit="5" data-open="_blank"></script>
 *
 * Options (attributes of the <script> tag):
 *   data-target  CSS selector of the element to render into (default: a new <div> right after
 *                the script tag). The widget lives in that element's shadow root, so the host
 *                page's CSS does not reach it and its CSS does not leak out.
 *   data-filter  a filter FIELD:VALUE applied to every search (e.g. type:amendement,
 *                type:"résolution européenne"); several filters are separated by ";"
 *                (e.g. "type:amendement; year:2024"). Empty: no filter.
 *   data-limit   how many results to show, 1 to 20 (default 5).
 *   data-open    the target of the result links: "_blank" (default), "_self", or a window name.
 *   data-query   optional: a search to run as soon as the widget is shown.
 *
 * The API is the origin the script was loaded from. The host page's origin must be allowed by
 * the server: hemicycle-serve --cors-origin https://intranet.example.
 */
(() => {
  "use strict";

  const { el, highlighted, frenchDate, missingWords, countNodes, identicalDocuments, pagedTotal, spellingNodes, expansionsText } = HemicycleCommon; // common.js, served with this file

  const script = document.currentScript; // only valid while this file first runs
  if (!script || !script.src) return;

  const BASE = new URL(script.src, document.baseURI).origin;
  const data = script.dataset;
  const limit = Math.min(20, Math.max(1, parseInt(data.limit || "5", 10) || 5));
  const openIn = (data.open || "_blank").trim() || "_blank";
  const filters = (data.filter || "")
    .split(";")
    .map((f) => f.trim())
    .filter((f) => f.length > 0);

  const CSS = `
:host { all: initial; display: block; }
:host([hidden]) { display: none; }
.hemicycle {
  box-sizing: border-box;
  display: block;
  margin: 0; padding: 14px 16px 12px;
  background: #ffffff; color: #1b1f24;
  border: 1px solid #d5dbe1; border-radius: 8px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 15px; font-weight: 400; font-style: normal; line-height: 1.5;
  letter-spacing: normal; word-spacing: normal; text-align: left; text-transform: none;
  text-indent: 0; text-shadow: none; white-space: normal; direction: ltr; visibility: visible;
  cursor: auto;
}
.hemicycle *, .hemicycle *::before, .hemicycle *::after { box-sizing: border-box; }
.hemicycle-brand { margin: 0 0 8px; font-size: 13px; font-weight: 700; color: #173f7a; letter-spacing: 0.02em; }
.hemicycle-form { display: flex; gap: 6px; margin: 0; padding: 0; border: 0; }
.hemicycle-q {
  flex: 1 1 auto; min-width: 0; margin: 0;
  padding: 7px 10px;
  font: inherit; color: #1b1f24; background: #fff;
  border: 1px solid #8893a0; border-radius: 6px; outline: none;
  box-shadow: none;
}
.hemicycle-button {
  flex: 0 0 auto; margin: 0;
  padding: 7px 12px;
  font: inherit; font-weight: 700; color: #fff; background: #173f7a;
  border: 1px solid #173f7a; border-radius: 6px; cursor: pointer;
  text-transform: none;
}
.hemicycle-button:hover { background: #0f2d59; }
.hemicycle-q:focus-visible, .hemicycle-button:focus-visible, .hemicycle a:focus-visible {
  outline: 3px solid #0b5fff; outline-offset: 2px;
}
.hemicycle-spelling { margin: 8px 0 0; font-size: 14px; }
.hemicycle-total { margin: 8px 0 0; font-size: 14px; color: #4f5965; }
.hemicycle-total:empty { display: none; }
.hemicycle-error {
  margin: 8px 0 0; padding: 8px 10px;
  background: #fdecec; color: #8a1010; border-left: 4px solid #8a1010; border-radius: 4px;
  font-size: 14px;
}
.hemicycle-error[hidden] { display: none; }
.hemicycle-results { list-style: none; margin: 6px 0 0; padding: 0; }
.hemicycle-results li {
  display: block; margin: 0; padding: 9px 0;
  border-top: 1px solid #e6eaee;
  color: #1b1f24; font-size: 15px; font-weight: 400; list-style: none;
}
.hemicycle-results li::before, .hemicycle-results li::after { content: none; }
.hemicycle-title {
  color: #173f7a; font-weight: 700; text-decoration: none; text-transform: none;
}
.hemicycle-title:hover { text-decoration: underline; }
.hemicycle-meta { margin: 1px 0 0; font-size: 13px; color: #4f5965; }
.hemicycle-missing { margin: 2px 0 0; font-size: 12px; color: #8a4b00; }
.hemicycle-identical { margin: 3px 0 0; font-size: 13px; color: #4f5965; }
.hemicycle-expand { font: inherit; color: #173f7a; background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.hemicycle-expand:focus-visible { outline: 3px solid #0b5fff; outline-offset: 2px; }
.hemicycle-identical summary { cursor: pointer; color: #173f7a; display: list-item; }
.hemicycle-identical summary:focus-visible { outline: 3px solid #0b5fff; outline-offset: 2px; }
.hemicycle-identical ul { margin: 2px 0 0; padding: 0 0 0 18px; list-style: disc; }
.hemicycle-identical li { display: list-item; padding: 1px 0; border: 0; font-size: 13px; list-style: disc; }
.hemicycle-identical a { color: #173f7a; }
.hemicycle-snippet {
  margin: 3px 0 0; font-size: 14px; color: #1b1f24;
  font-family: Charter, Cambria, Georgia, "DejaVu Serif", serif;
  overflow-wrap: anywhere;
}
.hemicycle mark { background: #ffe27a; color: inherit; padding: 0 1px; border-radius: 2px; }
.hemicycle-more { margin: 6px 0 0; font-size: 14px; }
.hemicycle-more a { color: #173f7a; }
.hemicycle-more:empty { display: none; }
`;

  function start() {
    let host = null;
    if (data.target) {
      try {
        host = document.querySelector(data.target);
      } catch (e) {
        host = null;
      }
    }
    if (!host) {
      host = document.createElement("div");
      script.after(host);
    }
    const root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.textContent = ""; // embedded twice into one element: start afresh

    // The CSS lives in the shadow root twice over: a <style> element, and the same rules as a
    // constructed style sheet, which still applies when the host page's CSP refuses inline
    // <style> (style-src without 'unsafe-inline').
    const style = document.createElement("style");
    style.textContent = CSS;
    root.append(style);
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" &&
        "replaceSync" in CSSStyleSheet.prototype) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch (e) { /* the <style> element is enough */ }
    }

    const box = el("div", { className: "hemicycle" });
    box.setAttribute("lang", "fr");
    const brand = el("p", { className: "hemicycle-brand" }, "Hemicycle — textes parlementaires");
    const form = el("form", { className: "hemicycle-form" });
    form.setAttribute("role", "search");
    const input = el("input", { className: "hemicycle-q" });
    input.type = "search";
    input.name = "q";
    input.setAttribute("aria-label", "Rechercher");
    input.placeholder = "Rechercher dans les textes";
    input.autocomplete = "off";
    const button = el("button", { className: "hemicycle-button" }, "Rechercher");
    button.type = "submit";
    form.append(input, button);
    const total = el("p", { className: "hemicycle-total" });
    total.setAttribute("aria-live", "polite");
    const spelling = el("p", { className: "hemicycle-spelling" });
    spelling.hidden = true;
    const error = el("div", { className: "hemicycle-error" });
    error.setAttribute("role", "alert");
    error.hidden = true;
    const results = el("ol", { className: "hemicycle-results" });
    const more = el("p", { className: "hemicycle-more" });
    box.append(brand, form, spelling, total, error, results, more);
    root.append(box);

    let controller = null;
    let unexpanded = false;  // the words as typed only (expand=0): no thesaurus

    function showError(message) {
      error.textContent = message;
      error.hidden = false;
    }

    // exact: the query as typed, never corrected (spell=0).
    async function search(q, exact = false) {
      if (controller) controller.abort();
      controller = new AbortController();
      const mine = controller;
      const url = new URL("/api/search", BASE);
      url.searchParams.set("q", q);
      if (exact) url.searchParams.set("spell", "0");
      url.searchParams.set("limit", String(limit));
      for (const f of filters) url.searchParams.append("filter", f);
      if (unexpanded) url.searchParams.set("expand", "0");
      total.textContent = "Recherche…";
      let res;
      let body = null;
      try {
        res = await fetch(url.href, { signal: mine.signal, mode: "cors", credentials: "omit",
                                      headers: { Accept: "application/json" } });
        try {
          body = await res.json();
        } catch (e) {
          if (e.name === "AbortError") throw e;
          body = null;
        }
      } catch (e) {
        if (e.name === "AbortError") return;
        if (mine !== controller) return;
        total.textContent = "";
        results.textContent = "";
        more.textContent = "";
        showError("Impossible de joindre le moteur de recherche Hemicycle : le serveur est arrêté " +
                  "ou n’autorise pas ce site (option --cors-origin).");
        return;
      }
      if (mine !== controller) return;
      if (!res.ok || !body || body.error) {
        total.textContent = "";
        results.textContent = "";
        more.textContent = "";
        const msg = body && body.error && body.error.message
          ? body.error.message : `réponse inattendue du serveur (HTTP ${res.status})`;
        showError(`La recherche a échoué : ${msg}`);
        return;
      }
      error.hidden = true;
      error.textContent = "";
      render(q, body);
    }

    // A query offered, as a link to the portal's page that searches it here when clicked.
    function spellingLink(q, exact, text) {
      const a = el("a", { className: "hemicycle-spelling-query" }, text);
      a.href = `${BASE}/?q=${encodeURIComponent(q)}${exact ? "&spell=0" : ""}`;
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        input.value = q;
        search(q, exact);
      });
      return a;
    }

    function render(q, body) {
      const n = (Number(body.total) || 0) + (Number(body.total_partial) || 0);
      spelling.textContent = "";
      spelling.append(...spellingNodes(body, spellingLink));
      spelling.hidden = !spelling.childNodes.length;
      if (body.corrected) q = body.corrected;  // the hits' links search what was searched
      total.textContent = "";
      if (n === 0) total.textContent = `Aucun résultat pour «\u00a0${q}\u00a0»`;
      else total.append(...countNodes(body));
      const texts = pagedTotal(body);  // identical documents folded: fewer hits than documents
      if (n > 0 && texts < n) {
        total.append(` (${texts} ${texts === 1 ? "texte différent" : "textes différents"}, les identiques regroupés)`);
      }
      total.append(expansionNote(q, body));
      results.textContent = "";
      for (const hit of body.hits || []) {
        const li = el("li");
        const a = el("a", { className: "hemicycle-title" });
        const hash = hit.clause_id && hit.clause_id.includes("#")
          ? `#clause-${hit.clause_id.slice(hit.clause_id.lastIndexOf("#") + 1)}` : "";
        a.href = `${BASE}/?doc=${encodeURIComponent(hit.document_id)}&q=${encodeURIComponent(q)}${hash}`;
        a.target = openIn;
        a.rel = "noopener";
        const type = (hit.type || "texte").replace(/_/g, " ");
        const date = frenchDate(hit.date);
        a.textContent = hit.title ||
          `${type.charAt(0).toUpperCase()}${type.slice(1)}${date ? ` du ${date}` : ""}`;
        li.append(a);
        const meta = [hit.institution, date].filter(Boolean).join(" · ");
        if (meta) li.append(el("p", { className: "hemicycle-meta" }, meta));
        const snippet = el("p", { className: "hemicycle-snippet" });
        snippet.append(hit.snippet
          ? highlighted(hit.snippet, hit.snippet_highlights)
          : highlighted(hit.text || "", hit.highlights));
        li.append(snippet);
        const missing = missingWords(hit, "hemicycle-missing");
        if (missing) li.append(missing);
        const identical = identicalDocuments(hit, "hemicycle-identical",
          (id) => `${BASE}/?doc=${encodeURIComponent(id)}&q=${encodeURIComponent(q)}`,
          { target: openIn, rel: "noopener" });
        if (identical) li.append(identical);
        results.append(li);
      }
      more.textContent = "";
      if (texts > (body.hits || []).length) {
        const params = [`q=${encodeURIComponent(q)}`]
          .concat(filters.map((f) => `filter=${encodeURIComponent(f)}`));
        const a = el("a", null, "Voir tous les résultats sur Hemicycle");
        a.href = `${BASE}/?${params.join("&")}`;
        a.target = openIn;
        a.rel = "noopener";
        more.append(a);
      }
    }

    // "également : salaire minimal (pour « SMIC »)" and a button to search the words as typed
    // only; or, searching them so, a button to search with the thesaurus again.
    function expansionNote(q, body) {
      const text = unexpanded ? "mots tapés seuls" : expansionsText(body);
      if (!text) return "";
      const toggle = el("button", { className: "hemicycle-expand" },
        unexpanded ? "chercher aussi les termes équivalents" : "mots tapés seuls");
      toggle.type = "button";
      toggle.addEventListener("click", () => {
        unexpanded = !unexpanded;
        search(q);
      });
      return el("span", { className: "hemicycle-expansions" }, ` (${text}\u00a0; `, toggle, ")");
    }

    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = input.value.trim();
      if (!q) {
        input.focus();
        return;
      }
      search(q);
    });

    if (data.query) {
      input.value = data.query;
      search(data.query.trim());
    }
  }

  if (document.readyState === "loading" && data.target && !document.querySelector(data.target)) {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
