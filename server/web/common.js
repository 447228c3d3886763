// Hemicycle — what the search page (app.js) and the widget (widget.js) share: building DOM
// nodes, French dates, highlighted text, the words a hit lacks, the documents identical to it. Data is only ever put in as text nodes, never HTML.
//
// The page loads this file with its own <script> tag: one global, HemicycleCommon. The
// widget is served with this file inside its own function scope (server/CMakeLists.txt), so
// that it adds no global to the portal page embedding it.
const HemicycleCommon = (() => {
  "use strict";

  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                  "septembre", "octobre", "novembre", "décembre"];

  // el("a", { className: "x", href: "…" }, child, "text", …): an element with attributes
  // (undefined, null and false ones left out; true as an empty value) and children (nodes, or
  // anything else as text).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === "className") node.className = v;
        else if (k === "text") node.textContent = v;
        else node.setAttribute(k, v === true ? "" : String(v));
      }
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8");

  // Text with <mark> on the byte ranges [begin, end) (UTF-8 offsets), as DOM nodes.
  // Ranges are clamped to the text, sorted, and merged where they overlap or touch.
  function highlighted(text, ranges) {
    const frag = document.createDocumentFragment();
    text = text || "";
    if (!Array.isArray(ranges) || ranges.length === 0) {
      frag.append(text);
      return frag;
    }
    const bytes = encoder.encode(text);
    const sorted = ranges
      .filter((r) => Array.isArray(r) && r.length >= 2)
      .map(([b, e]) => [Math.max(0, Math.min(bytes.length, b | 0)),
                        Math.max(0, Math.min(bytes.length, e | 0))])
      .filter(([b, e]) => e > b)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    let pos = 0;
    for (const [b, e] of merged) {
      if (b > pos) frag.append(decoder.decode(bytes.subarray(pos, b)));
      frag.append(el("mark", null, decoder.decode(bytes.subarray(b, e))));
      pos = e;
    }
    if (pos < bytes.length) frag.append(decoder.decode(bytes.subarray(pos)));
    return frag;
  }

  // "2025-03-28" → "28 mars 2025"; "2025-03" → "mars 2025"; "2025" → "2025"; anything else
  // as it is.
  function frenchDate(iso) {
    if (!iso) return "";
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
    if (!m) return iso;
    const [, y, mo, d] = m;
    if (!mo) return y;
    const month = MONTHS[Number(mo) - 1];
    if (!month) return iso;
    if (!d) return `${month} ${y}`;
    const day = Number(d);
    return `${day === 1 ? "1er" : day} ${month} ${y}`;
  }

  // "Il manque : « olivier », « gel »" for a hit holding only some of the query's words
  // (hit.missing, from the API), or null when it lacks none.
  function missingWords(hit, className) {
    const missing = Array.isArray(hit.missing) ? hit.missing : [];
    if (!missing.length) return null;
    const words = missing.map((w) => `«\u00a0${w}\u00a0»`).join(", ");
    return el("p", { className }, `Il manque\u00a0: ${words}`);
  }

  // The counts of a result as French nodes: "3 documents", or with partial matches
  // "2 documents contiennent tous les mots ; 138 autres en contiennent une partie" (the
  // CLI's wording). Each number is a span: with `ids` ({ total, partial }) those ids, else
  // the classes count-total and count-partial.
  function countNodes(data, ids = {}) {
    const all = Number(data.total) || 0;
    const partial = Number(data.total_partial) || 0;
    const unit = data.group === "clause" ? "passage" : "document";
    const span = (key, n) => el("span", ids[key] ? { id: ids[key] } : { className: `count-${key}` },
                                String(n));
    const units = (n) => (n > 1 ? `${unit}s` : unit);
    if (partial === 0) return [span("total", all), ` ${units(all)}`];
    const some = partial > 1 ? " en contiennent une partie" : " en contient une partie";
    if (all === 0) {
      return [`Aucun ${unit} ne contient tous les mots\u00a0; `, span("partial", partial), some];
    }
    return [span("total", all), ` ${units(all)} ${all > 1 ? "contiennent" : "contient"} tous les mots\u00a0; `,
            span("partial", partial), ` ${partial > 1 ? "autres" : "autre"}${some}`];
  }

  // The search's "did you mean": "Résultats pour « ingérence ». Rechercher plutôt « ingérance »"
  // when the API searched a correction (data.corrected; data.query is what was typed), and
  // "Vouliez-vous dire « … » ?" for data.suggestions. Each query is the element
  // link(query, exact, text) makes (exact: to be searched as typed, spell=0). [] when none.
  function spellingNodes(data, link) {
    const nodes = [];
    const quoted = (q) => `«\u00a0${q}\u00a0»`;
    if (data.corrected) {
      nodes.push(`Résultats pour ${quoted(data.corrected)}. Rechercher plutôt `,
                 link(data.query, true, quoted(data.query)));
    }
    const offered = Array.isArray(data.suggestions) ? data.suggestions : [];
    if (offered.length) {
      if (nodes.length) nodes.push(". ");
      nodes.push("Vouliez-vous dire ");
      offered.forEach((s, i) => {
        if (i) nodes.push(" ou ");
        nodes.push(link(s, false, quoted(s)));
      });
      nodes.push("\u00a0?");
    }
    return nodes;
  }

  // What the thesaurus added to the query's words (result.expansions), in French:
  // "également : salaire minimal, salaire garanti (pour « SMIC »)"; "" when nothing.
  function expansionsText(data) {
    const parts = (Array.isArray(data.expansions) ? data.expansions : [])
      .filter((e) => Array.isArray(e.also) && e.also.length)
      .map((e) => `${e.also.join(", ")} (pour «\u00a0${e.words}\u00a0»)`);
    return parts.length ? `également\u00a0: ${parts.join("\u00a0; ")}` : "";
  }

  // Which documents the facet counts count, in French; "" when every match holds every word.
  function facetsScope(data) {
    if (data.facets_count === "some_words") return "Nombres comptés sur les documents contenant une partie des mots";
    if ((Number(data.total_partial) || 0) > 0) return "Nombres comptés sur les documents contenant tous les mots";
    return "";
  }


  // "+ 2 documents identiques": a disclosure listing the other documents of a hit's text
  // (hit.identical, from the API, when the search folds them), each its id as a link to
  // hrefOf(id) (with linkAttrs), its date and signatories; null when there are none.
  function identicalDocuments(hit, className, hrefOf, linkAttrs = {}) {
    const docs = Array.isArray(hit.identical) ? hit.identical : [];
    if (!docs.length) return null;
    const list = el("ul", null);
    for (const d of docs) {
      const signatories = Array.isArray(d.signatories) ? d.signatories.join(", ") : "";
      const details = [frenchDate(d.date), signatories].filter(Boolean).join(" · ");
      list.append(el("li", null,
        el("a", { ...linkAttrs, href: hrefOf(d.document_id), title: d.title || null }, d.document_id),
        details ? ` — ${details}` : ""));
    }
    const n = docs.length;
    return el("details", { className },
      el("summary", null, `+ ${n} ${n === 1 ? "document identique" : "documents identiques"}`),
      list);
  }

  // The hits a search result has to page through: every match (total and total_partial),
  // or its distinct texts when it folds identical documents (result.distinct: the totals
  // count each document).
  function pagedTotal(result) {
    const matches = (Number(result.total) || 0) + (Number(result.total_partial) || 0);
    if (!result.distinct || result.total_distinct === undefined) return matches;
    return Math.min(matches, Number(result.total_distinct) || 0);
  }

  return Object.freeze({ el, highlighted, frenchDate, missingWords, countNodes, facetsScope,
                         identicalDocuments, pagedTotal, spellingNodes, expansionsText });
})();
