// Hemicycle — debates on the search page: who speaks (speaker line of a hit), where in the
// sitting (agenda path, amendment), a speech's text with its stage directions set apart, and
// a sitting's clauses as a dialogue. Loaded by index.html after common.js, before app.js:
// one global, HemicycleDebate. Data only ever goes in as text nodes, never HTML.
const HemicycleDebate = (() => {
  "use strict";

  const { el } = HemicycleCommon; // common.js
  const encoder = new TextEncoder();
  const decoder = new TextDecoder("utf-8");

  function isSpeech(c) {
    return !!c && c.kind === "speech";
  }

  // Byte ranges [[b, e], …] clamped to `size`, sorted, merged where they overlap.
  function ranges(list, size) {
    const sorted = (Array.isArray(list) ? list : [])
      .filter((r) => Array.isArray(r) && r.length >= 2)
      .map(([b, e]) => [Math.max(0, Math.min(size, b | 0)), Math.max(0, Math.min(size, e | 0))])
      .filter(([b, e]) => e > b)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    return merged;
  }

  // The index of the range of `list` holding byte `pos`, or -1.
  const rangeAt = (list, pos) => list.findIndex(([b, e]) => pos >= b && pos < e);

  // A speech's text as DOM nodes: each stage direction (`directions`, UTF-8 byte ranges) a
  // <span class="direction">, the matching words (`highlights`) in <mark>, inside or outside
  // a direction alike.
  function speechText(text, directions, highlights) {
    const frag = document.createDocumentFragment();
    const bytes = encoder.encode(text || "");
    const dirs = ranges(directions, bytes.length);
    const marks = ranges(highlights, bytes.length);
    const cuts = new Set([0, bytes.length]);
    for (const [b, e] of [...dirs, ...marks]) cuts.add(b).add(e);
    const points = [...cuts].sort((a, b) => a - b);
    let span = null;
    let spanOf = -1; // the direction `span` holds
    for (let i = 0; i + 1 < points.length; i++) {
      const piece = decoder.decode(bytes.subarray(points[i], points[i + 1]));
      const node = rangeAt(marks, points[i]) >= 0 ? el("mark", null, piece) : piece;
      const d = rangeAt(dirs, points[i]);
      if (d < 0) {
        frag.append(node);
      } else {
        if (d !== spanOf) {
          span = el("span", { className: "direction" });
          spanOf = d;
          frag.append(span);
        }
        span.append(node);
      }
    }
    return frag;
  }

  // Who speaks, as shown: the person when known, else the speaker as printed.
  function speakerName(c) {
    return c.speaker || c.speaker_label || "";
  }

  function isCollective(c) {
    return c.speaker_kind === "groupe" || (!c.speaker && !!c.speaker_label);
  }

  // "Christiane Taubira, garde des sceaux, ministre de la justice": the name (a link to
  // the speaker view when it is a person's, through speakerHref(name)), the role in a lighter
  // span; a collective speech in its own class. `tag` holds the line (p or div).
  function speakerLine(c, speakerHref, tag = "p") {
    const line = el(tag, { className: isCollective(c) ? "speaker-line collective" : "speaker-line" });
    const name = speakerName(c);
    if (!name) return null;
    const strong = el("strong", { className: "speaker" });
    if (c.speaker) strong.append(el("a", { className: "speaker-name", href: speakerHref(c.speaker) }, name));
    else strong.append(name);
    line.append(strong);
    if (c.speaker_role) line.append(", ", el("span", { className: "speaker-role" }, c.speaker_role));
    if (c.group && !isCollective(c)) line.append(" ", el("span", { className: "speaker-group" }, `(${c.group})`));
    // The office as printed when it stands for the person ("M. le président", "Mme la garde
    // des sceaux"): said after the name, so the dialogue reads as published.
    const printed = c.speaker_label && c.speaker && !c.speaker_label.endsWith(c.speaker)
      ? c.speaker_label : "";
    if (printed) line.append(" ", el("span", { className: "speaker-label" }, `(${printed})`));
    return line;
  }

  // "Ouverture du mariage … › Discussion des articles › Après l’article 1er", and the
  // amendment under discussion ("amendement n° 53", linked to docHref(amendment_id) when the
  // index holds it). null when the speech has neither.
  function agendaLine(c, docHref) {
    const headings = Array.isArray(c.headings) ? c.headings.filter(Boolean) : [];
    if (!headings.length && !c.amendment) return null;
    const p = el("p", { className: "agenda" });
    if (headings.length) p.append(el("span", { className: "agenda-path" }, headings.join(" › ")));
    if (c.amendment) {
      if (headings.length) p.append(el("span", { className: "sep", "aria-hidden": "true" }, " · "));
      const label = `amendement n°\u00a0${c.amendment}`;
      p.append(c.amendment_id
        ? el("a", { className: "amendment", href: docHref(c.amendment_id) }, label)
        : el("span", { className: "amendment" }, label));
    }
    return p;
  }

  // The headings of `path` that differ from `previous` (the path shown last), each once:
  // h2 for the item, h3 for its stage, h4 below.
  function headingChanges(previous, path) {
    const out = [];
    let same = 0;
    while (same < previous.length && same < path.length && previous[same] === path[same]) same++;
    for (let i = same; i < path.length; i++) {
      const tag = i === 0 ? "h2" : i === 1 ? "h3" : "h4";
      out.push(el(tag, { className: `agenda-heading level-${i + 1}` }, path[i]));
    }
    return out;
  }

  // One speech of a sitting: speaker line, permalink, text with its directions set apart.
  function speechSection(c, hit, links) {
    const n = String(c.index);
    const who = speakerName(c) || "orateur inconnu";
    const section = el("section", {
      className: `clause speech${hit ? " match" : ""}${isCollective(c) ? " collective" : ""}`,
      id: `clause-${n}`, "data-kind": "speech", tabindex: "-1",
      "aria-label": `Intervention de ${who}`,
    });
    const head = el("div", { className: "speech-head" });
    const line = speakerLine(c, links.speaker, "div");
    if (line) head.append(line);
    head.append(el("a", { className: "clause-link", href: `#clause-${n}`,
                          "aria-label": `Lien vers l’intervention de ${who}` }, "lien"));
    section.append(head);
    if (c.amendment) {
      const agenda = agendaLine({ amendment: c.amendment, amendment_id: c.amendment_id }, links.doc);
      if (agenda) section.append(agenda);
    }
    const useHit = hit && typeof hit.text === "string";
    section.append(el("p", { className: "clause-text speech-text" },
      speechText(useHit ? hit.text : c.text, useHit && hit.directions ? hit.directions : c.directions,
                 useHit ? hit.highlights : null)));
    return section;
  }

  // A sitting's clauses as a dialogue: the agenda's headings where the path changes, each
  // speech as speechSection(); other clauses through otherSection(c, hit). `byClause` maps
  // a clause index (string) to its matching hit; `links` = { speaker(name), doc(id) }.
  function dialogue(clauses, byClause, links, otherSection) {
    const body = el("div", { className: "clauses dialogue" });
    let path = [];
    let chair = "";
    for (const c of clauses) {
      const hit = byClause.get(String(c.index));
      if (!isSpeech(c)) {
        body.append(otherSection(c, hit));
        continue;
      }
      const headings = Array.isArray(c.headings) ? c.headings.filter(Boolean) : [];
      body.append(...headingChanges(path, headings));
      path = headings;
      if (c.speaker_kind === "président de séance" && c.speaker && c.speaker !== chair) {
        chair = c.speaker; // "Présidence de …" where the chair changes hands
        body.append(el("p", { className: "presidency" }, `Présidence de ${chair}`));
      }
      body.append(speechSection(c, hit, links));
    }
    return body;
  }

  // Whether a document reads as a dialogue: a sitting, or any text cut into speeches.
  function isSitting(meta, clauses) {
    return (meta && meta.type === "compte_rendu") || (Array.isArray(clauses) && clauses.some(isSpeech));
  }

  return Object.freeze({ isSpeech, speechText, speakerLine, agendaLine, dialogue, isSitting,
                         speakerName });
})();
