#!/usr/bin/env python3
"""Derives searcher/data/thesaurus-eurovoc.tsv from EuroVoc (Python 3, standard library only).

    tools/thesaurus/derive.py [EUROVOC_TSV] > searcher/data/thesaurus-eurovoc.tsv

EUROVOC_TSV defaults to ../shared/thesaurus/eurovoc/eurovoc-fr.tsv beside the repository
(its README gives the columns and the licence). Only the French labels of each concept are
kept (its preferred label and its alternative labels, the "non-descripteurs"), and only
those a query can be expanded with safely:
  - a qualifier in parentheses goes ("Århus (comté)" -> "Århus"); a label of one character
    or of stop words only goes;
  - an alternative label is kept when it looks like a synonym rather than a narrower or
    related term filed under the concept: an acronym ("SMIC", "HLM") or a label sharing a
    word with the preferred label ("salaire garanti" for "salaire minimal"); so "grippe" is
    not made a synonym of "choléra" (both filed under "maladie infectieuse"), nor "député"
    of "sénateur" (under "parlementaire"), nor "système expert" of "intelligence
    artificielle"; nor a label that negates the other ("énergie non renouvelable" for
    "énergie renouvelable");
  - a label that several concepts hold (after the above: "budget", "film") is ambiguous
    and goes from all of them;
  - a concept left with fewer than two labels is not written; at most MAX_LABELS are kept
    (the preferred label, then the shortest alternatives).
Broader and related concepts are not used: they are not the same thing said otherwise.
"""

import os
import re
import sys
import unicodedata

MAX_LABELS = 8
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SOURCE = os.path.join(ROOT, "..", "shared", "thesaurus", "eurovoc", "eurovoc-fr.tsv")
STOP_FILE = os.path.join(ROOT, "analyzers", "data", "french_stop.txt")

HEADER = """\
# Derived from EuroVoc, the multilingual thesaurus of the European Union (release of
# 2021-06-04, Publications Office of the European Union; EuroVoc (c) European Union,
# reused under CC BY 4.0 with acknowledgement of the source, Commission Decision
# 2011/833/EU). Written by tools/thesaurus/derive.py from ../shared/thesaurus/eurovoc/
# eurovoc-fr.tsv: do not edit by hand. Labels were filtered (qualifiers in parentheses
# removed, narrower terms, ambiguous and too short labels dropped: see the script).
# Compiled into hemicycle_searcher (searcher/CMakeLists.txt) for query expansion.
# One concept a line: EuroVoc id <TAB> its French labels separated by |, preferred first.
"""


def fold(text):
    text = unicodedata.normalize("NFD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def stop_words():
    words = set()
    with open(STOP_FILE, encoding="utf-8") as f:
        for line in f:
            word = line.split("|")[0].strip()
            if word:
                words.add(fold(word))
    return words


STOP = stop_words()


def content_words(label):
    """The folded words of a label, stop words and elided articles aside."""
    words = re.split(r"[^\w]+", fold(label))
    return [w for w in words if len(w) > 1 and w not in STOP]


def clean(label):
    label = re.sub(r"\s*\([^)]*\)", "", label).strip()
    if len(label) < 2 or not content_words(label):
        return None
    return label


def is_acronym(label):
    letters = [c for c in label if c.isalpha()]
    return 2 <= len(letters) <= 10 and all(c.isupper() for c in letters) and " " not in label


def shares_word(a, b):
    """Whether two labels share a content word (its first five letters: "législatif")."""
    stems_a = {w[:5] for w in content_words(a) if len(w) >= 4}
    return any(w[:5] in stems_a for w in content_words(b) if len(w) >= 4)


NEGATIONS = {"non", "anti", "sans"}


def negated(label):
    return NEGATIONS & set(re.split(r"[^\w]+", fold(label)))


def synonyms(pref, alts):
    return [a for a in alts
            if (is_acronym(a) or shares_word(pref, a)) and negated(a) == negated(pref)]


def read_concepts(path):
    concepts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                continue
            pref = clean(cols[1])
            alts = [a for a in (clean(x) for x in cols[2].split("|") if x) if a]
            if not pref:
                continue
            labels = [pref] + synonyms(pref, [a for a in alts if fold(a) != fold(pref)])
            concepts.append((cols[0], labels))
    return concepts


def without_ambiguous(concepts):
    holders = {}
    for cid, labels in concepts:
        for label in {fold(x) for x in labels}:
            holders.setdefault(label, set()).add(cid)
    out = []
    for cid, labels in concepts:
        seen, kept = set(), []
        for label in labels:
            key = fold(label)
            if len(holders[key]) == 1 and key not in seen:
                seen.add(key)
                kept.append(label)
        if len(kept) >= 2:
            alts = sorted(kept[1:], key=lambda x: (len(x), x))
            out.append((cid, [kept[0]] + alts[: MAX_LABELS - 1]))
    return out


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    concepts = without_ambiguous(read_concepts(source))
    out = sys.stdout
    out.write(HEADER)
    for cid, labels in concepts:
        out.write(cid + "\t" + "|".join(labels) + "\n")


if __name__ == "__main__":
    main()
