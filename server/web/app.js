// Hemicycle — the search page. Plain JavaScript, no framework, no build step.
// Data (titles, texts, metadata) is only ever put into the page as text nodes, never as HTML.
"use strict";

(() => {
  const PAGE_SIZE = 10;
  const MAX_REACHABLE = 10000; // the API refuses offsets beyond 10,000
  const SUGGEST_DELAY_MS = 150;
  // Live results while typing: this long after the last key, the query searched with its
  // last word as a prefix (prefix=1).
  const LIVE_DELAY_MS = 300;
  // The facet fields (in the order shown) and the French labels of fields and clause kinds:
  // filled from /api/schema before the first render (the server's one table of them).
  const schema = { facets: [], facetLabels: {}, kindLabels: {} };
  const $ = (id) => document.getElementById(id);
  const els = {
    form: $("search-form"), q: $("q"), suggestions: $("suggestions"), summary: $("summary"),
    error: $("error"), searchView: $("search-view"), intro: $("intro"), results: $("results"),
    pagination: $("pagination"), facets: $("facets"), facetList: $("facet-list"),
    facetsScope: $("facets-scope"),
    dateFrom: $("date-from"), dateTo: $("date-to"), sort: $("sort"),
    clearFilters: $("clear-filters"), documentView: $("document-view"),
    speakerView: $("speaker-view"), speakerForm: $("speaker-form"), speakerQ: $("speaker-q"),
    speakerList: $("speaker-list"),
    skip: document.querySelector(".skip-link"),
  };

  // ---------------------------------------------------------------- small helpers

  const { el, highlighted, frenchDate, missingWords, countNodes, facetsScope, identicalDocuments, pagedTotal, spellingNodes, expansionsText } = HemicycleCommon; // common.js
  const Debate = HemicycleDebate; // debate.js

  function kindLabel(kind, number) {
    const base = schema.kindLabels[kind] || kind || "passage";
    if (number) {
      if (kind === "article" || kind === "alinea") return `article ${number}`;
      if (kind === "considerant" || kind === "recital" || kind === "paragraph" ||
          kind === "visa" || kind === "target") {
        return `${base} ${number}`;
      }
    }
    return base;
  }

  function badge(kind, number) {
    return el("span", { className: "badge", "data-kind": kind || "" }, kindLabel(kind, number));
  }

  const TYPE_LABELS = { reglement: "règlement", texte_legislatif: "texte législatif" };
  function typeLabel(t) {
    return TYPE_LABELS[t] || String(t || "").replace(/_/g, " ");
  }

  function capitalize(s) {
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  }

  function documentTitle(d) {
    if (d.title) return d.title;
    const type = capitalize(typeLabel(d.type) || "texte");
    const date = frenchDate(d.date);
    return date ? `${type} du ${date}` : type;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
  }

  function clauseIndex(clauseId) {
    if (!clauseId) return null;
    const i = String(clauseId).lastIndexOf("#");
    return i < 0 ? null : String(clauseId).slice(i + 1);
  }

  // One filter of the API: field:value, quoted when the value has spaces.
  function filterString(field, value) {
    const needsQuotes = /[\s"():]/.test(value);
    return needsQuotes ? `${field}:"${value.replace(/"/g, "")}"` : `${field}:${value}`;
  }

  function parseFilter(s) {
    const i = s.indexOf(":");
    if (i <= 0) return null;
    let value = s.slice(i + 1).trim();
    if (value.length >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      value = value.slice(1, -1);
    }
    return { field: s.slice(0, i).trim(), value };
  }

  // ---------------------------------------------------------------- state ⇄ URL

  function readState(loc = window.location) {
    const p = new URLSearchParams(loc.search);
    const filters = [];
    for (const f of p.getAll("filter")) {
      const parsed = parseFilter(f);
      if (parsed && !filters.some((x) => x.field === parsed.field && x.value === parsed.value)) {
        filters.push(parsed);
      }
    }
    const page = Math.min(MAX_REACHABLE / PAGE_SIZE,
                          Math.max(1, parseInt(p.get("page") || "1", 10) || 1));
    // "date" is what older links say for the newest first.
    const asked = p.get("sort") === "date" ? "date:desc" : p.get("sort");
    const sort = ["date:desc", "date:asc"].includes(asked) ? asked : "relevance";
    return {
      q: p.get("q") || "",
      filters,
      sort,
      dateFrom: p.get("date_from") || "",
      dateTo: p.get("date_to") || "",
      page,
      apart: p.get("distinct") === "false", // identical texts shown apart
      exact: p.get("spell") === "0", // the query as typed, never corrected
      unexpanded: p.get("expand") === "0", // the words as typed, without the thesaurus
      prefix: p.get("prefix") === "1", // live results: the last word is being typed
      doc: p.get("doc") || "",
      speaker: p.get("orateur") || "", // the speaker view
      hash: loc.hash || "",
    };
  }

  // A query string from [name, value] pairs, encoded with encodeURIComponent (spaces as %20).
  function queryString(pairs) {
    return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  }

  function searchQueryString(state, overrides = {}) {
    const s = { ...state, ...overrides };
    const pairs = [];
    if (s.q) pairs.push(["q", s.q]);
    for (const f of s.filters) pairs.push(["filter", filterString(f.field, f.value)]);
    if (s.sort && s.sort !== "relevance") pairs.push(["sort", s.sort]);
    if (s.dateFrom) pairs.push(["date_from", s.dateFrom]);
    if (s.dateTo) pairs.push(["date_to", s.dateTo]);
    if (s.apart) pairs.push(["distinct", "false"]);
    if (s.exact) pairs.push(["spell", "0"]);
    if (s.unexpanded) pairs.push(["expand", "0"]);
    if (s.prefix) pairs.push(["prefix", "1"]);
    if (s.page && s.page > 1) pairs.push(["page", String(s.page)]);
    return `?${queryString(pairs)}`;
  }

  function searchUrl(state, overrides) {
    const qs = searchQueryString(state, overrides);
    return qs === "?" ? window.location.pathname : qs;
  }

  function documentUrl(docId, q, clause) {
    const pairs = [["doc", docId]];
    if (q) pairs.push(["q", q]);
    return `?${queryString(pairs)}${clause ? `#clause-${clause}` : ""}`;
  }

  // The speaker view of a person: ?orateur=NAME (&page=N).
  function speakerUrl(name, page = 1) {
    const pairs = [["orateur", name]];
    if (page > 1) pairs.push(["page", String(page)]);
    return `?${queryString(pairs)}`;
  }

  const debateLinks = { speaker: (name) => speakerUrl(name), doc: (id) => documentUrl(id, "", null) };

  // ---------------------------------------------------------------- API

  class ApiError extends Error {}

  async function api(path, params, signal) {
    const url = new URL(path, window.location.origin);
    if (params) {
      for (const [k, v] of params) url.searchParams.append(k, v);
    }
    let res;
    try {
      res = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (e) {
      if (e.name === "AbortError") throw e;
      throw new ApiError("Le serveur de recherche ne répond pas. Vérifiez votre connexion et réessayez.");
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      if (e.name === "AbortError") throw e;
      body = null;
    }
    if (!res.ok || !body || body.error) {
      const msg = body && body.error && body.error.message
        ? body.error.message
        : `réponse inattendue du serveur (HTTP ${res.status})`;
      const err = new ApiError(msg);
      err.code = body && body.error ? body.error.code : `http_${res.status}`;
      err.status = res.status;
      throw err;
    }
    return body;
  }

  function showError(context, err) {
    if (err && err.name === "AbortError") return;
    els.error.textContent = "";
    els.error.append(el("strong", null, `${context} : `), err && err.message ? err.message : String(err));
    if (err && err.code) els.error.dataset.code = err.code;
    else delete els.error.dataset.code;
    els.error.hidden = false;
  }

  function hideError() {
    els.error.hidden = true;
    els.error.textContent = "";
  }

  // ---------------------------------------------------------------- rendering: search

  let current = readState();
  let searchController = null;

  function syncForm(state) {
    if (document.activeElement !== els.q || els.q.value.trim() !== state.q.trim()) {
      els.q.value = state.q;
    }
    els.sort.value = state.sort;
    els.dateFrom.value = state.dateFrom;
    els.dateTo.value = state.dateTo;
  }

  function hasSearch(state) {
    return state.q.trim() !== "" || state.filters.length > 0;
  }

  function searchParams(state) {
    const params = [];
    if (state.q.trim()) params.push(["q", state.q.trim()]);
    for (const f of state.filters) params.push(["filter", filterString(f.field, f.value)]);
    params.push(["limit", String(PAGE_SIZE)]);
    params.push(["offset", String((state.page - 1) * PAGE_SIZE)]);
    params.push(["sort", state.sort]);
    if (state.dateFrom) params.push(["date_from", state.dateFrom]);
    if (state.dateTo) params.push(["date_to", state.dateTo]);
    params.push(["group", "document"]);
    if (state.apart) params.push(["distinct", "false"]);
    if (state.exact) params.push(["spell", "0"]);
    if (state.unexpanded) params.push(["expand", "0"]);
    if (state.prefix) params.push(["prefix", "1"]);
    if (schema.facets.length) params.push(["facets", schema.facets.join(",")]);
    return params;
  }

  async function runSearch(state, focusAfter) {
    if (searchController) searchController.abort();
    const controller = new AbortController();
    searchController = controller;
    const resultsTitle = document.getElementById("results-title");
    if (resultsTitle) resultsTitle.hidden = !hasSearch(state);
    if (!hasSearch(state)) {
      els.intro.hidden = false;
      els.summary.textContent = state.dateFrom || state.dateTo
        ? "Saisissez des mots ou cochez un filtre pour chercher dans cette période."
        : "";
      els.results.textContent = "";
      els.pagination.textContent = "";
      renderFacets({}, state);
      hideError();
      document.body.classList.remove("searching");
      return;
    }
    els.intro.hidden = true;
    document.body.classList.add("searching");
    els.results.setAttribute("aria-busy", "true");
    try {
      const data = await api("/api/search", searchParams(state), controller.signal);
      if (controller !== searchController) return;
      hideError();
      renderSummary(data, state);
      renderResults(data, state);
      renderPagination(data, state);
      renderFacets(data.facets || {}, state);
      const scope = facetsScope(data);
      els.facetsScope.textContent = scope;
      els.facetsScope.hidden = !scope;
      if (focusAfter) focusAfter();
    } catch (e) {
      if (e.name === "AbortError" || controller !== searchController) return;
      showError("La recherche a échoué", e);
      els.summary.textContent = "";
      els.results.textContent = "";
      els.pagination.textContent = "";
    } finally {
      if (controller === searchController) {
        document.body.classList.remove("searching");
        els.results.removeAttribute("aria-busy");
      }
    }
  }

  function describeSearch(state) {
    const parts = [];
    if (state.q.trim()) parts.push(`pour « ${state.q.trim()}${state.prefix ? "…" : ""} »`);
    if (state.filters.length) {
      parts.push(state.filters.map((f) => `${schema.facetLabels[f.field] || f.field} : ${
        f.field === "kind" ? kindLabel(f.value) : f.value}`).join(", "));
    }
    if (state.dateFrom && state.dateTo) {
      parts.push(`du ${frenchDate(state.dateFrom)} au ${frenchDate(state.dateTo)}`);
    } else if (state.dateFrom) {
      parts.push(`depuis le ${frenchDate(state.dateFrom)}`);
    } else if (state.dateTo) {
      parts.push(`jusqu’au ${frenchDate(state.dateTo)}`);
    }
    const text = parts.join(" — ");
    return text && !state.q.trim() ? `— ${text}` : text;
  }

  // Every match is reachable by the pages: those holding every word, then the others.
  function matchCount(data) {
    return (Number(data.total) || 0) + (Number(data.total_partial) || 0);
  }

  // The corrected query searched, or those offered, as links to their searches.
  function renderSpelling(data, state) {
    const nodes = spellingNodes(data, (q, exact, text) =>
      el("a", { href: searchUrl(state, { q, exact, page: 1 }) }, text));
    if (nodes.length) els.summary.append(el("span", { id: "spelling", className: "spelling" }, ...nodes), " ");
  }

  function renderSummary(data, state) {
    const total = matchCount(data);
    els.summary.textContent = "";
    renderSpelling(data, state);
    const what = describeSearch(state);
    if (total === 0) {
      els.summary.append(`Aucun résultat ${what}`.trim());
    } else {
      els.summary.append(...countNodes(data, { total: "total", partial: "total-partial" }));
      if (what) els.summary.append((Number(data.total_partial) || 0) > 0 ? ` — ${what}` : ` ${what}`);
      const pages = pageCount(pagedTotal(data));  // folded hits, when identical texts are
      if (pages > 1) els.summary.append(` — page ${state.page} sur ${pages}`);
    }
    if (total > 0) els.summary.append(foldingNote(data, state));
    els.summary.append(expansionNote(data, state));
    if (data.timed_out) {
      els.summary.append(el("span", { className: "note" },
        " (recherche interrompue : délai dépassé, résultats partiels)"));
    }
    if (Array.isArray(data.notes) && data.notes.length) {
      for (const n of data.notes) {
        els.summary.append(el("span", { className: "note", "data-code": n.code }, ` ${n.message}`));
      }
    }
  }

  // What the count counts when identical texts are folded, and the way to show them apart
  // (or together again).
  function foldingNote(data, state) {
    if (state.apart) {
      return el("span", { className: "note folding" }, " (documents identiques montrés à part\u00a0: ",
        el("a", { href: searchUrl(state, { apart: false, page: 1 }) }, "les regrouper"), ")");
    }
    const texts = pagedTotal(data);
    if (texts >= matchCount(data)) return "";
    return el("span", { className: "note folding" },
      ` (${plural(texts, "texte différent", "textes différents")}\u00a0: les documents identiques ` +
      "sont regroupés, chacun compté\u00a0; ",
      el("a", { href: searchUrl(state, { apart: true, page: 1 }) }, "les montrer à part"), ")");
  }

  // What the thesaurus added ("également : salaire minimal (pour « SMIC »)"), counted
  // with the words typed, and the way to search without it (expand=0 in the URL) or with
  // it again.
  function expansionNote(data, state) {
    if (state.unexpanded) {
      if (!state.q.trim()) return "";
      return el("span", { className: "note expansions" }, " (mots tapés seuls\u00a0; ",
        el("a", { href: searchUrl(state, { unexpanded: false, page: 1 }) },
          "chercher aussi les termes équivalents"), ")");
    }
    const text = expansionsText(data);
    if (!text) return "";
    return el("span", { className: "note expansions" }, ` (${text}, comptés avec les mots tapés\u00a0; `,
      el("a", { href: searchUrl(state, { unexpanded: true, page: 1 }) }, "chercher les mots tapés seuls"),
      ")");
  }

  function pageCount(total) {
    return Math.max(1, Math.min(Math.ceil(total / PAGE_SIZE), Math.ceil(MAX_REACHABLE / PAGE_SIZE)));
  }

  function metaLine(hit) {
    const parts = [hit.type ? capitalize(typeLabel(hit.type)) : "", hit.institution || "", frenchDate(hit.date)]
      .filter(Boolean);
    const p = el("p", { className: "result-meta" });
    parts.forEach((part, i) => {
      if (i) p.append(el("span", { className: "sep", "aria-hidden": "true" }, " · "));
      if (i === parts.length - 1 && hit.date && part === frenchDate(hit.date)) {
        p.append(el("time", { datetime: hit.date }, part));
      } else {
        p.append(part);
      }
    });
    return p;
  }

  function renderResults(data, state) {
    const q = state.q.trim();
    const list = els.results;
    list.textContent = "";
    const start = (state.page - 1) * PAGE_SIZE + 1;
    list.setAttribute("start", String(start));
    for (const hit of data.hits || []) {
      const clause = clauseIndex(hit.clause_id);
      const li = el("li", { className: "result", "data-document-id": hit.document_id });
      const link = el("a", { className: "result-title", href: documentUrl(hit.document_id, q, clause) },
                      documentTitle(hit));
      li.append(el("h2", null, link));
      li.append(metaLine(hit));
      const best = el("div", { className: "best-clause" });
      if (hit.kind) best.append(badge(hit.kind, hit.number));
      const snippetText = hit.snippet || hit.text || "";
      const ranges = hit.snippet ? hit.snippet_highlights : hit.highlights;
      best.append(el("p", { className: "snippet" }, highlighted(snippetText, ranges)));
      li.append(best);
      if (Debate.isSpeech(hit)) {
        const who = Debate.speakerLine(hit, debateLinks.speaker);
        if (who) li.append(who);
        const agenda = Debate.agendaLine(hit, debateLinks.doc);
        if (agenda) li.append(agenda);
      }
      const missing = missingWords(hit, "missing");
      if (missing) li.append(missing);
      const identical = identicalDocuments(hit, "identical", (id) => documentUrl(id, q));
      if (identical) li.append(identical);
      const others = (Number(hit.matching_clauses) || 0) - 1;
      if (others > 0 && q) {
        const button = el("button", { type: "button", className: "more", "aria-expanded": "false" },
                          others === 1 ? "1 autre passage" : `${others} autres passages`);
        button.addEventListener("click", () => toggleOtherClauses(button, li, hit, q));
        li.append(button);
      }
      list.append(li);
    }
  }

  async function toggleOtherClauses(button, li, hit, q) {
    let ol = li.querySelector("ol.other-clauses");
    const expanded = button.getAttribute("aria-expanded") === "true";
    if (expanded) {
      button.setAttribute("aria-expanded", "false");
      if (ol) ol.hidden = true;
      return;
    }
    if (ol) {
      button.setAttribute("aria-expanded", "true");
      ol.hidden = false;
      return;
    }
    if (button.classList.contains("loading")) return; // not disabled: that would drop the focus
    button.classList.add("loading");
    button.setAttribute("aria-busy", "true");
    try {
      const data = await api("/api/search", [["q", q], ["group", "clause"],
        ["document", hit.document_id], ["limit", "50"]]);
      hideError();
      ol = el("ol", { className: "other-clauses", id: `others-${cssSafeId(hit.document_id)}` });
      const hits = (data.hits || []).filter((h) => h.document_id === hit.document_id &&
                                                   h.clause_id !== hit.clause_id);
      for (const h of hits) {
        const n = clauseIndex(h.clause_id);
        const item = el("li", { className: "other-clause" });
        const head = el("p", { className: "other-head" }, badge(h.kind, h.number), " ",
          el("a", { className: "clause-jump", href: documentUrl(hit.document_id, q, n),
                    "aria-label": `Voir ce passage (${kindLabel(h.kind, h.number)}) dans le texte` },
             "voir dans le texte"));
        item.append(head);
        const text = h.snippet || h.text || "";
        item.append(el("p", { className: "snippet" },
          highlighted(text, h.snippet ? h.snippet_highlights : h.highlights)));
        ol.append(item);
      }
      if (!hits.length) ol.append(el("li", { className: "other-clause empty" }, "Aucun autre passage."));
      button.setAttribute("aria-controls", ol.id);
      button.after(ol);
      button.setAttribute("aria-expanded", "true");
    } catch (e) {
      showError("Impossible d’afficher les autres passages", e);
    } finally {
      button.classList.remove("loading");
      button.removeAttribute("aria-busy");
    }
  }

  function cssSafeId(s) {
    return String(s).replace(/[^A-Za-z0-9_-]/g, "_");
  }

  function renderPagination(data, state) {
    const href = (n) => `${searchQueryString(state, { page: 1 })}${
      searchQueryString(state, { page: 1 }) === "?" ? "" : "&"}page=${n}`;
    paginate(els.pagination, pageCount(pagedTotal(data)), state.page, href);  // folded hits
  }

  // The page links of `pages` pages into `nav`, page `current` marked, href(n) each.
  function paginate(nav, pages, current, href) {
    nav.textContent = "";
    if (pages <= 1) return;
    const page = Math.min(current, pages);
    const ul = el("ul");
    // Numbered links carry data-page (one link per page); previous/next carry data-nav.
    const link = (n, label, extra = {}) => el("li", null, el("a", { href: href(n), ...extra }, label));
    if (page > 1) {
      ul.append(link(page - 1, "‹ Précédente",
                     { className: "prev", rel: "prev", "data-nav": page - 1 }));
    }
    const shown = new Set([1, pages]);
    for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
    const list = [...shown].sort((a, b) => a - b);
    let prev = 0;
    for (const n of list) {
      if (n - prev > 1) ul.append(el("li", { className: "gap", "aria-hidden": "true" }, "…"));
      const extra = n === page ? { "aria-current": "page" } : {};
      ul.append(link(n, String(n), { ...extra, "data-page": n, "aria-label": `Page ${n}` }));
      prev = n;
    }
    if (page < pages) {
      ul.append(link(page + 1, "Suivante ›",
                     { className: "next", rel: "next", "data-nav": page + 1 }));
    }
    nav.append(ul);
  }

  function renderFacets(facets, state) {
    const focused = document.activeElement;
    const refocus = focused && focused.matches && focused.matches("#facets input[data-field]")
      ? { field: focused.dataset.field, value: focused.dataset.value } : null;
    els.facetList.textContent = "";
    for (const field of schema.facets.length ? schema.facets : Object.keys(facets)) {
      const values = Array.isArray(facets[field]) ? facets[field].slice() : [];
      const selected = state.filters.filter((f) => f.field === field).map((f) => f.value);
      for (const v of selected) {
        if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
      }
      if (!values.length) continue;
      const fs = el("fieldset", { className: "facet", "data-field": field });
      fs.append(el("legend", null, schema.facetLabels[field] || field));
      const ul = el("ul", { className: "facet-values" });
      for (const { value, count } of values) {
        const input = el("input", { type: "checkbox", "data-field": field, "data-value": value });
        input.checked = selected.includes(value);
        const label = el("label", null, input, " ",
          el("span", { className: "facet-value" },
            field === "kind" ? kindLabel(value) : field === "type" ? typeLabel(value) : value), " ",
          el("span", { className: "count" }, String(count)));
        ul.append(el("li", null, label));
      }
      fs.append(ul);
      els.facetList.append(fs);
    }
    els.clearFilters.hidden = !(state.filters.length || state.dateFrom || state.dateTo);
    if (refocus) {
      const again = [...els.facetList.querySelectorAll("input[data-field]")]
        .find((i) => i.dataset.field === refocus.field && i.dataset.value === refocus.value);
      if (again) again.focus();
    }
  }

  // ---------------------------------------------------------------- rendering: one document

  let docController = null;

  const META_FIELDS = [
    ["type", "Type", (v) => capitalize(typeLabel(v))],
    ["institution", "Institution"],
    ["date", "Date", frenchDate],
    ["sitting", "Séance"],
    ["presiding", "Présidence"],
    ["legislature", "Législature", (v) => (/^\d+$/.test(v) ? `${v}${v === "1" ? "re" : "e"} législature` : v)],
    ["place", "Lieu"],
    ["signatories", "Signataires"],
    ["signatory_role", "Qualité"],
    ["outcome", "Sort"],
    ["texte_ref", "Texte visé"],
    ["dossier_ref", "Dossier"],
    ["cites", "Textes cités"],
    ["territories", "Territoires"],
    ["countries", "Pays"],
    ["clauses", "Passages"],
    ["source", "Source"],
  ];

  const EXTRA_FIELDS = [["texte_ref_kind", "Nature du texte visé"], ["organe", "Organe"],
                        ["etat", "État"]];

  function metaValue(v) {
    if (v === null || v === undefined || v === "") return null;
    if (Array.isArray(v)) {
      const items = v.map((x) => (typeof x === "object" && x ? (x.name || x.value || JSON.stringify(x)) : String(x)))
        .filter(Boolean);
      return items.length ? items.join(", ") : null;
    }
    if (typeof v === "object") return null;
    return String(v);
  }

  async function renderDocument(state) {
    if (docController) docController.abort();
    const controller = new AbortController();
    docController = controller;
    const view = els.documentView;
    view.textContent = "";
    view.append(el("p", { className: "loading-doc" }, "Chargement du texte…"));
    const q = state.q.trim();
    const docPromise = api(`/api/documents/${encodeURIComponent(state.doc)}`, null, controller.signal);
    const matchPromise = q
      ? api("/api/search", [["q", q], ["group", "clause"], ["document", state.doc], ["limit", "100"]],
            controller.signal).catch((e) => e)
      : Promise.resolve(null);
    let doc;
    try {
      doc = await docPromise;
    } catch (e) {
      if (e.name === "AbortError" || controller !== docController) return;
      showError("Impossible d’ouvrir ce texte", e);
      view.textContent = "";
      view.append(backLink(state));
      return;
    }
    const matches = await matchPromise;
    if (controller !== docController) return;
    hideError();
    if (matches instanceof Error) {
      if (matches.name !== "AbortError") showError("Impossible de surligner les passages trouvés", matches);
    }
    const meta = doc.metadata || {};
    const id = doc.id || meta.id || state.doc;
    const article = el("article", { id: "document", "data-document-id": id,
                                    "aria-labelledby": "document-title" });
    article.append(el("p", { className: "back" }, backLink(state)));
    const h1 = el("h1", { id: "document-title", tabindex: "-1" }, documentTitle(meta));
    article.append(h1);
    const dl = el("dl", { className: "doc-meta" });
    for (const [key, label, fmt] of META_FIELDS) {
      let v = metaValue(meta[key]);
      if (v === null) continue;
      // The source is shown as the link to the published text; a note of provenance (the
      // collector's own words, often English) is not for the reader.
      if (key === "source" && !/^https?:\/\//i.test(v)) continue;
      if (fmt) v = fmt(v);
      const dd = el("dd");
      if (key === "source" && /^https?:\/\//i.test(v)) {
        dd.append(el("a", { href: v, rel: "noopener noreferrer" }, v));
      } else if (key === "date" && meta.date) {
        dd.append(el("time", { datetime: meta.date }, v));
      } else {
        dd.append(v);
      }
      dl.append(el("div", null, el("dt", null, label), dd));
    }
    const extras = meta.extras && typeof meta.extras === "object" ? meta.extras : {};
    for (const [key, label] of EXTRA_FIELDS) {
      const v = metaValue(extras[key]);
      if (v !== null) dl.append(el("div", null, el("dt", null, label), el("dd", null, v)));
    }
    article.append(dl);

    // Matching clauses, by index.
    const byClause = new Map();
    if (matches && !(matches instanceof Error)) {
      for (const h of matches.hits || []) {
        if (h.document_id && h.document_id !== id) continue;
        const n = clauseIndex(h.clause_id);
        if (n !== null && !byClause.has(n)) byClause.set(n, h);
      }
    }
    const clauses = Array.isArray(doc.clauses) ? doc.clauses : [];
    if (q) {
      const box = el("nav", { className: "doc-matches", "aria-label": "Passages trouvés" });
      if (byClause.size) {
        box.append(el("p", null, `${plural(byClause.size, "passage correspond", "passages correspondent")} à « ${q} » :`));
        const ul = el("ul");
        const found = clauses.filter((c) => byClause.has(String(c.index)));
        const labels = found.map((c) => (Debate.isSpeech(c) && Debate.speakerName(c)
          ? Debate.speakerName(c) : kindLabel(c.kind, c.number)));
        found.forEach((c, i) => {
          const n = String(c.index);
          const ambiguous = labels.indexOf(labels[i]) !== labels.lastIndexOf(labels[i]);
          const text = ambiguous ? `${labels[i]} (passage ${n})` : labels[i];
          ul.append(el("li", null, el("a", { href: `#clause-${n}` }, text)));
        });
        box.append(ul);
      } else if (!(matches instanceof Error)) {
        box.append(el("p", null, `Aucun passage de ce texte ne correspond à « ${q} ».`));
      }
      article.append(box);
    }

    const body = Debate.isSitting(meta, clauses)
      ? Debate.dialogue(clauses, byClause, debateLinks, clauseSection)
      : el("div", { className: "clauses" }, ...clauses.map((c) => clauseSection(c, byClause.get(String(c.index)))));
    if (!clauses.length) body.append(el("p", null, "Ce texte n’a aucun passage."));
    article.append(body);
    const similar = el("aside", { className: "similar", "aria-labelledby": "similar-title" },
                       el("h2", { id: "similar-title" }, "Textes proches"));
    article.append(similar);
    view.textContent = "";
    view.append(article);
    document.title = `${documentTitle(meta)} — Hemicycle`;
    applyTarget(true);
    renderSimilar(similar, id, controller);
  }

  // One clause of the document view: its kind, a link to it, its text (matches marked).
  function clauseSection(c, hit) {
    const n = String(c.index);
    const section = el("section", { className: hit ? "clause match" : "clause", id: `clause-${n}`,
                                    "data-kind": c.kind || "", tabindex: "-1",
                                    "aria-label": kindLabel(c.kind, c.number) });
    const head = el("div", { className: "clause-head" }, badge(c.kind, c.number),
      el("a", { className: "clause-link", href: `#clause-${n}`,
                "aria-label": `Lien vers ce passage (${kindLabel(c.kind, c.number)})` }, "lien"));
    section.append(head);
    if (c.lead) section.dataset.lead = c.lead; // the article's leading verb ("Invite"): in its text already
    const text = hit && typeof hit.text === "string" && hit.text === c.text
      ? highlighted(c.text, hit.highlights)
      : (hit && typeof hit.text === "string" ? highlighted(hit.text, hit.highlights) : c.text || "");
    section.append(el("p", { className: "clause-text" }, text));
    return section;
  }

  // "Textes proches": the documents like this one (GET /api/documents/{id}/similar), listed
  // once the text is shown.
  async function renderSimilar(box, id, controller) {
    const status = el("p", { className: "loading-doc" }, "Recherche des textes proches…");
    box.append(status);
    let res;
    try {
      res = await api(`/api/documents/${encodeURIComponent(id)}/similar`, [["limit", "5"]],
                      controller.signal);
    } catch (e) {
      if (e.name === "AbortError" || controller !== docController) return;
      status.textContent = "Impossible de trouver les textes proches.";
      return;
    }
    if (controller !== docController) return;
    const hits = Array.isArray(res.hits) ? res.hits : [];
    status.remove();
    if (!hits.length) {
      box.append(el("p", null, "Aucun texte proche dans l’index."));
      return;
    }
    const ul = el("ul");
    for (const h of hits) {
      const li = el("li", null, el("a", { href: documentUrl(h.document_id, "", null) },
                                   h.title || h.document_id));
      if (h.date) li.append(" — ", el("time", { datetime: h.date }, frenchDate(h.date)));
      ul.append(li);
    }
    box.append(ul);
  }

  function backLink(state) {
    let href = null;
    try {
      href = sessionStorage.getItem("hemicycle:lastSearch");
    } catch (e) { /* storage may be disabled */ }
    if (href && href.startsWith("?") && (new URLSearchParams(href).get("q") || "") !== state.q) {
      href = null; // a search of another visit: go back to this text's query instead
    }
    if (!href || !href.startsWith("?")) {
      href = state.q ? searchUrl({ ...readState({ search: "", hash: "" }), q: state.q }) : "/";
    }
    return el("a", { className: "back-link", href }, "← Retour aux résultats");
  }

  // Mark and focus the clause named by #clause-N.
  function applyTarget(focusFallback) {
    const article = document.getElementById("document");
    if (!article) return;
    for (const s of article.querySelectorAll("section.clause.target")) {
      s.classList.remove("target");
      s.removeAttribute("aria-current");
    }
    const m = /^#clause-(.+)$/.exec(window.location.hash);
    const target = m ? document.getElementById(`clause-${decodeURIComponent(m[1])}`) : null;
    if (target) {
      target.classList.add("target");
      target.setAttribute("aria-current", "true");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    } else if (focusFallback) {
      const h1 = article.querySelector("h1");
      if (h1) h1.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }

  // ---------------------------------------------------------------- rendering: a speaker

  let speakerController = null;

  // The speaker view: the person's name, role and speech count, their speeches newest first
  // (date, sitting, agenda item, a deep link into the sitting), paged like the results.
  async function renderSpeaker(state) {
    if (speakerController) speakerController.abort();
    const controller = new AbortController();
    speakerController = controller;
    const view = els.speakerView;
    view.textContent = "";
    view.append(el("p", { className: "loading-doc" }, "Chargement des interventions…"));
    const name = state.speaker;
    const who = api("/api/speakers", [["q", name], ["limit", "20"]], controller.signal).catch((e) => e);
    let data;
    try {
      data = await api("/api/search", [["q", `speaker:"${name.replace(/"/g, "")}"`], ["group", "clause"],
        ["sort", "date:desc"], ["limit", String(PAGE_SIZE)],
        ["offset", String((state.page - 1) * PAGE_SIZE)]], controller.signal);
    } catch (e) {
      if (e.name === "AbortError" || controller !== speakerController) return;
      showError("Impossible d’afficher les interventions", e);
      view.textContent = "";
      return;
    }
    const speakers = await who;
    if (controller !== speakerController) return;
    hideError();
    const known = speakers instanceof Error ? null
      : (speakers.speakers || []).find((x) => x.name === name);
    view.textContent = "";
    view.append(speakerArticle(name, known, data, state));
    document.title = `${name} — Hemicycle`;
    const h1 = document.getElementById("speaker-title");
    if (h1) h1.focus({ preventScroll: true });
  }

  function speakerArticle(name, known, data, state) {
    const hits = Array.isArray(data.hits) ? data.hits : [];
    const total = Number(data.total) || 0;
    const role = (known && known.role) || (hits[0] && hits[0].speaker_role) || "";
    const article = el("article", { id: "speaker", "aria-labelledby": "speaker-title" },
      el("p", { className: "back" }, backLink(state)),
      el("h1", { id: "speaker-title", tabindex: "-1" }, name));
    if (role) article.append(el("p", { className: "speaker-role" }, role));
    const pages = pageCount(total);
    article.append(el("p", { className: "speaker-count" },
      el("span", { id: "speaker-total" }, String(total)), total > 1 ? " interventions" : " intervention",
      pages > 1 ? ` — page ${Math.min(state.page, pages)} sur ${pages}` : ""));
    const list = el("ol", { id: "speeches", className: "speeches",
                            start: String((state.page - 1) * PAGE_SIZE + 1) });
    for (const hit of hits) list.append(speechItem(hit));
    if (!hits.length) article.append(el("p", null, "Aucune intervention de cet orateur dans l’index."));
    article.append(list);
    const nav = el("nav", { id: "speaker-pagination", className: "pagination", "aria-label": "Pages" });
    paginate(nav, pages, state.page, (n) => speakerUrl(name, n));
    article.append(nav);
    return article;
  }

  // One speech of the speaker view: when, in which sitting, on which item, its start.
  function speechItem(hit) {
    const n = clauseIndex(hit.clause_id);
    const li = el("li", { className: "speech-item", "data-document-id": hit.document_id,
                          "data-clause": n || "" });
    const meta = el("p", { className: "result-meta" });
    if (hit.date) meta.append(el("time", { datetime: hit.date }, frenchDate(hit.date)), " · ");
    meta.append(el("a", { className: "speech-sitting", href: documentUrl(hit.document_id, "", n) },
                   hit.sitting || documentTitle(hit)));
    li.append(meta);
    const agenda = Debate.agendaLine(hit, debateLinks.doc);
    if (agenda) li.append(agenda);
    li.append(el("p", { className: "snippet" },
      highlighted(hit.snippet || hit.text || "", hit.snippet ? hit.snippet_highlights : hit.highlights)));
    li.append(el("a", { className: "speech-jump", href: documentUrl(hit.document_id, "", n) },
                  "Lire dans la séance"));
    return li;
  }

  // ---------------------------------------------------------------- routing

  // Shows one of the three views: "search", "document" or "speaker".
  function showView(name) {
    els.searchView.hidden = name !== "search";
    els.documentView.hidden = name !== "document";
    els.speakerView.hidden = name !== "speaker";
    if (name !== "document") {
      if (docController) docController.abort();
      els.documentView.textContent = "";
    }
    if (name !== "speaker") {
      if (speakerController) speakerController.abort();
      els.speakerView.textContent = "";
    }
    const skip = { search: ["#results", "Aller aux résultats"], document: ["#document", "Aller au texte"],
                   speaker: ["#speaker", "Aller aux interventions"] }[name];
    els.skip.setAttribute("href", skip[0]);
    els.skip.textContent = skip[1];
  }

  let renderedKey = null; // the search part of the URL last rendered

  function render(opts = {}) {
    const state = readState();
    current = state;
    syncForm(state);
    const key = window.location.search;
    if (state.doc) {
      showView("document");
      if (key === renderedKey && document.getElementById("document")) {
        applyTarget(false);
        return;
      }
      renderedKey = key;
      if (searchController) searchController.abort();
      renderDocument(state);
    } else if (state.speaker) {
      if (key === renderedKey && !opts.force && document.getElementById("speaker")) return;
      showView("speaker");
      renderedKey = key;
      if (searchController) searchController.abort();
      renderSpeaker(state);
    } else {
      showView("search");
      document.title = state.q ? `« ${state.q} » — Hemicycle` : "Hemicycle — recherche dans les textes parlementaires";
      if (key === renderedKey && !opts.force) return;
      renderedKey = key;
      if (hasSearch(state)) {
        try {
          sessionStorage.setItem("hemicycle:lastSearch", searchQueryString(state));
        } catch (e) { /* ignore */ }
      }
      runSearch(state, opts.focusAfter);
    }
  }

  function navigate(url, opts = {}) {
    const target = new URL(url, window.location.href);
    const same = target.search === window.location.search && target.hash === window.location.hash;
    if (!same) history.pushState(null, "", target.pathname + target.search + target.hash);
    render({ ...opts, force: opts.force || same });
    if (opts.scrollTop) window.scrollTo(0, 0);
  }

  function newSearch(changes, opts = {}) {
    clearTimeout(liveTimer);
    // A query submitted (or picked) is searched as typed; a facet, a date or the order
    // keep the live results' prefix.
    const state = { ...readState(), doc: "", hash: "", ...("q" in changes ? { prefix: false } : {}), ...changes };
    if (!("page" in changes)) state.page = 1;
    navigate(searchUrl(state), opts);
  }

  window.addEventListener("popstate", () => render());

  // Links inside the page: handled without reloading (modifier keys keep the browser's behaviour).
  document.addEventListener("click", (ev) => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target.closest && ev.target.closest("a[href]");
    if (!a || a.target) return;
    if (a.classList.contains("skip-link")) {
      const id = a.getAttribute("href").slice(1);
      const dest = document.getElementById(id);
      if (dest) {
        ev.preventDefault();
        if (!dest.hasAttribute("tabindex")) dest.setAttribute("tabindex", "-1");
        dest.focus();
        dest.scrollIntoView({ block: "start" });
      }
      return;
    }
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) {
      if (!(url.origin === window.location.origin && url.pathname === "/" && a.id === "home-link")) return;
    }
    ev.preventDefault();
    if (a.id === "home-link") {
      els.q.value = "";
      navigate("/", { scrollTop: true });
      els.q.focus();
      return;
    }
    const onlyHash = url.search === window.location.search && url.hash !== window.location.hash;
    if (onlyHash) {
      history.pushState(null, "", url.pathname + url.search + url.hash);
      applyTarget(false);
      return;
    }
    const isPage = a.hasAttribute("data-page") || a.hasAttribute("data-nav");
    navigate(url.href, {
      scrollTop: isPage || !url.hash,
      focusAfter: isPage ? () => els.results.focus({ preventScroll: true }) : null,
    });
  });

  els.form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    closeSuggestions();
    const q = els.q.value.trim();
    newSearch({ q }, { force: true });
  });

  els.sort.addEventListener("change", () => newSearch({ sort: els.sort.value }));

  function onDateChange(input, key) {
    const v = input.value;
    if (v && !/^\d{4}-\d{2}-\d{2}$/.test(v)) return;
    if ((readState()[key] || "") === v) return;
    newSearch({ [key]: v });
  }
  els.dateFrom.addEventListener("change", () => onDateChange(els.dateFrom, "dateFrom"));
  els.dateTo.addEventListener("change", () => onDateChange(els.dateTo, "dateTo"));

  els.facetList.addEventListener("change", (ev) => {
    const input = ev.target;
    if (!input.matches("input[type=checkbox][data-field]")) return;
    const { field, value } = input.dataset;
    const state = readState();
    let filters = state.filters.filter((f) => !(f.field === field && f.value === value));
    if (input.checked) filters = [...filters, { field, value }];
    newSearch({ filters });
  });

  els.clearFilters.addEventListener("click", () => {
    newSearch({ filters: [], dateFrom: "", dateTo: "" });
    els.q.focus();
  });

  // ---------------------------------------------------------------- live results

  let liveTimer = 0;

  // The results of what is being typed, the last word a prefix unless a space follows it.
  // The first live search of a typing adds a history entry, the next ones replace it.
  function liveSearch(value) {
    const state = readState();
    if (state.doc || value.trim().length < 2 || els.q.value !== value) return;
    const next = { ...state, hash: "", q: value.trim(), page: 1, prefix: !/\s$/.test(value) };
    const url = searchUrl(next);
    if (state.prefix) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    render();
  }

  // ---------------------------------------------------------------- suggestions (combobox)

  let suggestTimer = 0;
  let suggestController = null;
  let activeIndex = -1;
  let suggestionItems = [];

  function closeSuggestions() {
    clearTimeout(suggestTimer);
    if (suggestController) suggestController.abort();
    suggestController = null;
    els.suggestions.hidden = true;
    els.suggestions.textContent = "";
    suggestionItems = [];
    activeIndex = -1;
    els.q.setAttribute("aria-expanded", "false");
    els.q.removeAttribute("aria-activedescendant");
  }

  function setActive(i) {
    const options = els.suggestions.querySelectorAll("li[role=option]");
    activeIndex = i;
    options.forEach((li, k) => {
      const on = k === i;
      li.classList.toggle("active", on);
      li.setAttribute("aria-selected", on ? "true" : "false");
    });
    if (i >= 0 && options[i]) {
      els.q.setAttribute("aria-activedescendant", options[i].id);
      options[i].scrollIntoView({ block: "nearest" });
    } else {
      els.q.removeAttribute("aria-activedescendant");
    }
  }

  function pickSuggestion(i) {
    const s = suggestionItems[i];
    if (!s) return;
    els.q.value = s.query || s.word;
    closeSuggestions();
    newSearch({ q: els.q.value.trim() }, { force: true });
  }

  // The query with its completed last word in bold.
  function suggestionLabel(s) {
    const query = s.query || s.word || "";
    const span = el("span", { className: "sugg-query" });
    if (s.word && query.endsWith(s.word) && query.length > s.word.length) {
      span.append(query.slice(0, query.length - s.word.length), el("strong", null, s.word));
    } else {
      span.append(el("strong", null, query));
    }
    return span;
  }

  async function fetchSuggestions(value) {
    if (suggestController) suggestController.abort();
    const controller = new AbortController();
    suggestController = controller;
    try {
      const data = await api("/api/suggest", [["q", value]], controller.signal);
      if (controller !== suggestController || els.q.value !== value) return;
      const list = (data.suggestions || []).slice(0, 8);
      suggestionItems = list;
      els.suggestions.textContent = "";
      activeIndex = -1;
      els.q.removeAttribute("aria-activedescendant");
      if (!list.length || document.activeElement !== els.q) {
        els.suggestions.hidden = true;
        els.q.setAttribute("aria-expanded", "false");
        return;
      }
      list.forEach((s, i) => {
        const li = el("li", { role: "option", id: `sugg-${i}`, "aria-selected": "false" },
          suggestionLabel(s),
          el("span", { className: "sugg-count" },
             typeof s.documents === "number" ? plural(s.documents, "document", "documents") : ""));
        li.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep focus in #q
        li.addEventListener("click", () => pickSuggestion(i));
        els.suggestions.append(li);
      });
      els.suggestions.hidden = false;
      els.q.setAttribute("aria-expanded", "true");
    } catch (e) {
      if (e.name === "AbortError") return;
      // A failing completion must not hide the search itself; say it quietly in the list.
      closeSuggestions();
      showError("Suggestions indisponibles", e);
    }
  }

  els.q.addEventListener("input", () => {
    clearTimeout(suggestTimer);
    clearTimeout(liveTimer);
    const value = els.q.value;
    liveTimer = setTimeout(() => liveSearch(value), LIVE_DELAY_MS);
    const last = value.split(/\s+/).pop() || "";
    if (value.trim().length < 2 || last.replace(/^[-"«“(]+/, "").length < 1) {
      closeSuggestions();
      return;
    }
    suggestTimer = setTimeout(() => fetchSuggestions(value), SUGGEST_DELAY_MS);
  });

  els.q.addEventListener("keydown", (ev) => {
    const open = !els.suggestions.hidden && suggestionItems.length > 0;
    if (ev.key === "ArrowDown") {
      if (!open) {
        if (els.q.value.trim().length >= 2) fetchSuggestions(els.q.value);
        return;
      }
      ev.preventDefault();
      setActive(activeIndex + 1 >= suggestionItems.length ? 0 : activeIndex + 1);
    } else if (ev.key === "ArrowUp") {
      if (!open) return;
      ev.preventDefault();
      setActive(activeIndex <= 0 ? suggestionItems.length - 1 : activeIndex - 1);
    } else if (ev.key === "Enter") {
      if (open && activeIndex >= 0) {
        ev.preventDefault();
        pickSuggestion(activeIndex);
      }
    } else if (ev.key === "Escape") {
      if (open) {
        ev.preventDefault();
        closeSuggestions();
      }
    } else if (ev.key === "Tab") {
      closeSuggestions();
    }
  });

  els.q.addEventListener("blur", () => {
    setTimeout(() => {
      if (document.activeElement !== els.q) closeSuggestions();
    }, 100);
  });

  // ---------------------------------------------------------------- speaker box (combobox)

  const speakerBox = { timer: 0, controller: null, items: [], active: -1 };

  function closeSpeakers() {
    clearTimeout(speakerBox.timer);
    if (speakerBox.controller) speakerBox.controller.abort();
    speakerBox.controller = null;
    speakerBox.items = [];
    speakerBox.active = -1;
    els.speakerList.hidden = true;
    els.speakerList.textContent = "";
    els.speakerQ.setAttribute("aria-expanded", "false");
    els.speakerQ.removeAttribute("aria-activedescendant");
  }

  function setActiveSpeaker(i) {
    speakerBox.active = i;
    els.speakerList.querySelectorAll("li[role=option]").forEach((li, k) => {
      li.classList.toggle("active", k === i);
      li.setAttribute("aria-selected", k === i ? "true" : "false");
      if (k === i) {
        els.speakerQ.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      }
    });
  }

  function pickSpeaker(i) {
    const s = speakerBox.items[i];
    if (!s) return;
    closeSpeakers();
    els.speakerQ.value = "";
    navigate(speakerUrl(s.name), { scrollTop: true });
  }

  // The names beginning with what is typed (GET /api/speakers), with their speech counts.
  async function fetchSpeakers(value) {
    if (speakerBox.controller) speakerBox.controller.abort();
    const controller = new AbortController();
    speakerBox.controller = controller;
    let data;
    try {
      data = await api("/api/speakers", [["q", value], ["limit", "8"]], controller.signal);
    } catch (e) {
      if (e.name !== "AbortError") {
        closeSpeakers();
        showError("Orateurs indisponibles", e);
      }
      return;
    }
    if (controller !== speakerBox.controller || els.speakerQ.value !== value) return;
    speakerBox.items = Array.isArray(data.speakers) ? data.speakers.slice(0, 8) : [];
    speakerBox.active = -1;
    els.speakerList.textContent = "";
    speakerBox.items.forEach((s, i) => {
      const li = el("li", { role: "option", id: `speaker-opt-${i}`, "aria-selected": "false" },
        el("span", { className: "sugg-query" }, el("strong", null, s.name),
           s.role ? el("span", { className: "speaker-role" }, ` ${s.role}`) : null),
        el("span", { className: "sugg-count" }, plural(Number(s.speeches) || 0, "intervention", "interventions")));
      li.addEventListener("mousedown", (ev) => ev.preventDefault()); // keep the focus in the box
      li.addEventListener("click", () => pickSpeaker(i));
      els.speakerList.append(li);
    });
    const open = speakerBox.items.length > 0 && document.activeElement === els.speakerQ;
    els.speakerList.hidden = !open;
    els.speakerQ.setAttribute("aria-expanded", open ? "true" : "false");
  }

  els.speakerQ.addEventListener("input", () => {
    clearTimeout(speakerBox.timer);
    const value = els.speakerQ.value;
    if (value.trim().length < 2) {
      closeSpeakers();
      return;
    }
    speakerBox.timer = setTimeout(() => fetchSpeakers(value), SUGGEST_DELAY_MS);
  });

  els.speakerQ.addEventListener("keydown", (ev) => {
    const n = speakerBox.items.length;
    const open = !els.speakerList.hidden && n > 0;
    if (ev.key === "ArrowDown" && open) {
      ev.preventDefault();
      setActiveSpeaker(speakerBox.active + 1 >= n ? 0 : speakerBox.active + 1);
    } else if (ev.key === "ArrowUp" && open) {
      ev.preventDefault();
      setActiveSpeaker(speakerBox.active <= 0 ? n - 1 : speakerBox.active - 1);
    } else if (ev.key === "Escape" && open) {
      ev.preventDefault();
      closeSpeakers();
    } else if (ev.key === "Tab") {
      closeSpeakers();
    }
  });

  // Enter: the option chosen, else the only or first name offered.
  els.speakerForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (speakerBox.items.length) pickSpeaker(Math.max(0, speakerBox.active));
  });

  els.speakerQ.addEventListener("blur", () => {
    setTimeout(() => {
      if (document.activeElement !== els.speakerQ) closeSpeakers();
    }, 100);
  });

  // ---------------------------------------------------------------- start

  // Without the schema the page still searches: names stand for labels, facets as they come.
  async function loadSchema() {
    try {
      const data = await api("/api/schema");
      for (const f of data.facets || []) {
        schema.facets.push(f.name);
        schema.facetLabels[f.name] = f.label;
      }
      for (const k of data.kinds || []) schema.kindLabels[k.name] = k.label;
    } catch (e) {
      showError("Libellés indisponibles", e);
    }
  }

  loadSchema().then(() => render());
})();
