// Prefixes, wildcards and the French operators. tests/data/prefix: A "scrutin" (twice)
// "proportionnel" Corse; B "scrutateurs" Guyane; C "sécurité" "scrutins" Guadeloupe; D
// "scrute" "sécuritaire" Corse Guyane; E "Sauf dispositions" "délai" "notification"
// Martinique; F "délai" "notification" "proportion" Corse.

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "decrees.h"
#include "expand_prefix.h"
#include "filters.h"
#include "fixture_index.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"
#include "hemicycle/searcher/searcher.h"
#include "queries.h"
#include "shards.h"

namespace hemicycle::searcher {
namespace {

using testing::FixtureIndex;

std::string origin_mark(Origin o) {
  switch (o) {
    case Origin::kWildcard:
      return "*";
    case Origin::kPrefix:
      return "~";
    default:
      return "";
  }
}

// Units as [a|b], phrases as "x y", a wildcard's item as term*, a prefix's as term~, an
// item ranked below the typed words with its weight (term~@0.5), exclusions as -x; then
// the notes' codes after " ; ".
std::string describe(const ParsedQuery& q) {
  if (!q.ok()) return "ERROR " + q.error.code;
  auto item_text = [](const QueryItem& it) {
    std::string s;
    for (const auto& t : it.tokens) s += (s.empty() ? "" : " ") + t.text;
    s = it.tokens.size() > 1 ? "\"" + s + "\"" : s;
    s += origin_mark(it.origin);
    if (it.weight != 1.0) s += "@" + std::to_string(it.weight).substr(0, 3);
    return s;
  };
  std::string out;
  for (const auto& unit : q.units) {
    std::string u;
    for (const auto& it : unit) u += (u.empty() ? "" : "|") + item_text(it);
    out += (out.empty() ? "" : " ") + (unit.size() > 1 ? "[" + u + "]" : u);
  }
  for (const auto& it : q.excluded) out += (out.empty() ? "-" : " -") + item_text(it);
  std::string notes;
  for (const auto& n : q.notes) notes += (notes.empty() ? "" : ",") + n.code;
  return notes.empty() ? out : out + " ; " + notes;
}

struct ParseCase {
  std::string query;
  bool prefix_last;
  std::string expected;
};

TEST_CASE("wildcards, the word being typed and French operators, as the parser reads them",
          "[searcher][prefix]") {
  analyzers::FrenchAnalyzer analyzer;
  const std::vector<ParseCase> cases = {
      // A wildcard: the folded prefix, for the searcher to expand.
      {"scrut*", false, "scrut*@0.5"},
      {"Élect*", false, "elect*@0.5"},
      {"scrut**", false, "scrut*@0.5"},
      {"vote OR scrut*", false, "[vot|scrut*@0.5]"},
      {"vote -scrut*", false, "vot -scrut*@0.5"},
      {"l’assem*", false, "assem*@0.5"},
      // Too short, or not at the end of one simple word: said, never silently dropped.
      {"s*", false, " ; wildcard_too_short"},
      {"*", false, " ; wildcard_too_short"},
      {"vote é*", false, "vot ; wildcard_too_short"},
      {"scr*tin", false, "\"scr tin\" ; wildcard_misplaced"},
      {"*scrutin", false, "scrutin ; wildcard_misplaced"},
      {"\"scrutin proport*\"", false, "\"scrutin proport\" ; wildcard_misplaced"},
      {"outre-m*", false, "outr ; wildcard_misplaced"},
      // Without prefix_last the last word is only itself.
      {"scrutin propor", false, "scrutin propor"},
      // With it, the last word is also a prefix (the word first, its completions lower)...
      {"scrutin propor", true, "scrutin [propor|propor~@0.5]"},
      {"Corse OU Guy", true, "[cors|guy|guy~@0.5]"},
      {"élections", true, "[elect|elections~@0.5]"},
      // ... unless a space follows it, it is one letter, a filter, excluded, or a phrase.
      {"scrutin propor ", true, "scrutin propor"},
      {"scrutin p", true, "scrutin p"},
      {"scrutin type:amend", true, "scrutin"},
      {"scrutin -propor", true, "scrutin -propor"},
      {"scrutin \"vote propor\"", true, "scrutin \"vot propor\""},
      {"scrut*", true, "scrut*@0.5"},
      // A stop word being typed ("de" of "député") is a prefix without the note.
      {"vote de", true, "vot de~@0.5"},
      {"vote de", false, "vot ; only_stop_words"},
      // French operators, in capitals between words.
      {"Corse OU Guyane", false, "[cors|guyan]"},
      {"Corse ET Guyane", false, "cors guyan"},
      {"Corse SAUF Guyane", false, "cors -guyan"},
      {"Corse NON Guyane", false, "cors -guyan"},
      {"Corse OU Guyane OU Martinique", false, "[cors|guyan|martin]"},
      {"Corse OU Guyane délai", false, "[cors|guyan] del"},
      {"délai SAUF \"délai de recours\"", false, "del -\"del recour\""},
      {"type:amendement SAUF Corse", false, "-cors"},
      // In lower case (or capitalised) they are words: "ou", "et" are stop words.
      {"Corse ou Guyane", false, "cors guyan ; only_stop_words"},
      {"Corse Ou Guyane", false, "cors guyan ; only_stop_words"},
      {"délai sauf notification", false, "del sauf notif"},
      // At the start they are words; at the end, nothing follows: ignored (SAUF, NON said).
      {"OU Corse", false, "cors ; only_stop_words"},
      {"SAUF dispositions", false, "sauf disposit"},
      {"NON cumul", false, "non cumul"},
      {"Corse OU", false, "cors"},
      {"Corse ET", false, "cors"},
      {"Corse SAUF", false, "cors ; trailing_not"},
      {"Corse OU", true, "cors"},
      // The English ones are unchanged.
      {"Corse OR Guyane", false, "[cors|guyan]"},
      {"Corse NOT Guyane", false, "cors -guyan"},
      {"NOT Guyane Corse", false, "cors -guyan"},
  };
  for (const auto& c : cases) {
    INFO(c.query << (c.prefix_last ? " (prefix_last)" : ""));
    CHECK(describe(parse_query(c.query, analyzer, ParseOptions{c.prefix_last})) == c.expected);
  }
  const ParsedQuery sauf = parse_query("Corse SAUF", analyzer);
  REQUIRE(sauf.notes.size() == 1);
  CHECK(sauf.notes[0].message == "SAUF en fin de requête\u00a0: ignoré");
  const ParsedQuery s = parse_query("s*", analyzer);
  REQUIRE(s.notes.size() == 1);
  CHECK(s.notes[0].message ==
        "\u00ab\u00a0s*\u00a0\u00bb\u00a0: il faut au moins 2 lettres avant \u00ab\u00a0*\u00a0\u00bb"
        "\u00a0: ignoré");
}

// The terms a prefix stands for in the fixture, most frequent first (clauses holding them).
TEST_CASE("a prefix stands for the index's terms that start with it, bounded",
          "[searcher][prefix]") {
  const FixtureIndex index("prefix");
  REQUIRE(index.warnings().empty());
  Shards shards({index.db()}, true);
  analyzers::FrenchAnalyzer analyzer;
  struct Case {
    std::string prefix, typed;
    std::vector<std::string> skip;
    std::size_t bound;
    std::string exact;
    std::vector<std::string> terms;
    std::size_t found;
  };
  const std::vector<Case> cases = {
      // scrutin: A (two clauses) and C; scrutateur: B (two clauses); scrut: D ("scrute").
      {"scrut", "scrut", {}, 100, "", {"scrutin", "scrutateur", "scrut"}, 3},
      {"scrut", "scrut", {}, 2, "", {"scrutin", "scrutateur"}, 3},
      {"scrut", "scrut", {}, 1, "", {"scrutin"}, 3},
      // "scruti" is stemmed "scrut", but it is not a word: no exact term.
      {"scruti", "scruti", {}, 100, "", {"scrutin"}, 1},
      // A word of the texts: its own term first.
      {"scrutin", "scrutin", {}, 100, "scrutin", {}, 1},
      {"securit", "sécurit", {}, 100, "", {"securit", "securitair"}, 2},
      // The word typed is in the unit already: not again.
      {"scrut", "scrut", {"scrutin"}, 100, "", {"scrutateur", "scrut"}, 2},
      // A stem shorter than the prefix, from the lexicon: "représentation" -> represent,
      // "notification" -> notif.
      {"representa", "representa", {}, 100, "", {"represent"}, 1},
      {"notifica", "notifica", {}, 100, "", {"notif"}, 1},
      {"representation", "représentation", {}, 100, "represent", {}, 1},
      // Nothing starts with it.
      {"zz", "zz", {}, 100, "", {}, 0},
  };
  for (const auto& c : cases) {
    INFO(c.prefix << " bound " << c.bound);
    const Completions got = complete_prefix(shards, analyzer, c.prefix, c.typed, c.skip, c.bound);
    CHECK(got.exact == c.exact);
    CHECK(got.terms == c.terms);
    CHECK(got.found == c.found);
    CHECK_FALSE(got.scan_cut);
  }
}

// The tiers' queries once the prefixes are expanded on the fixture, as get_description()
// prints them (query_golden_test.cc's form).
TEST_CASE("the queries of expanded prefixes and of French operators", "[searcher][prefix]") {
  const FixtureIndex index("prefix");
  Shards shards({index.db()}, true);
  analyzers::FrenchAnalyzer analyzer;
  struct Golden {
    std::string query;
    bool prefix_last;
    std::size_t bound;
    std::vector<std::string> tiers;
  };
  // A prefix's completions are one synonym (below the word typed), as Xapian's QueryParser
  // expands a wildcard; the word itself, when it is one, stands apart at weight 1.
  const std::vector<Golden> cases = {
      {"scrut*", false, 100, {"all_words_in_clause: Query(0.5 * (scrutin SYNONYM scrutateur SYNONYM scrut))"}},
      {"scrut*", false, 2, {"all_words_in_clause: Query(0.5 * (scrutin SYNONYM scrutateur))"}},
      {"scruti* OR Corse", false, 100, {"all_words_in_clause: Query((cors OR 0.5 * scrutin))"}},
      {"scrutin*", false, 100, {"all_words_in_clause: Query(scrutin)"}},
      // No word starts with it: it stays, and matches nothing.
      {"zzz* Corse", false, 100,
       {"all_words_in_clause: Query(((0.5 * zzz AND cors) AND_MAYBE (zzz PHRASE 2 cors)))",
        "all_words_in_document (summaries): Query()",
        "some_words: Query((0.5 * zzz OR cors))"}},
      // The word being typed, a word of the texts, then its completions; the adjacency
      // boost keeps the word.
      {"Corse proportion", true, 100,
       {"all_words_in_clause: Query(((cors AND (proport OR 0.5 * proportionnel)) AND_MAYBE (cors PHRASE 2 proport)))",
        "all_words_in_document (summaries): Query()",
        "some_words: Query((cors OR (proport OR 0.5 * proportionnel)))"}},
      // Not a word ("scruta" would be searched as "scrut"): only its completions.
      {"Corse scruta", true, 100,
       {"all_words_in_clause: Query((cors AND 0.5 * scrutateur))",
        "all_words_in_document (summaries): Query()",
        "some_words: Query((cors OR 0.5 * scrutateur))"}},
      // Nothing completes it: the word as typed.
      {"Corse zzz", true, 100,
       {"all_words_in_clause: Query(((cors AND zzz) AND_MAYBE (cors PHRASE 2 zzz)))",
        "all_words_in_document (summaries): Query()",
        "some_words: Query((cors OR zzz))"}},
      {"Corse OU Guyane", false, 100, {"all_words_in_clause: Query((cors OR guyan))"}},
      {"Corse SAUF Guyane", false, 100, {"all_words_in_clause: Query(cors)", "excluded: Query(guyan)"}},
      {"Corse -scrut*", false, 100,
       {"all_words_in_clause: Query(cors)", "excluded: Query(0.5 * scrutin)",
        "excluded: Query(0.5 * scrutateur)", "excluded: Query(0.5 * scrut)"}},
  };
  for (const auto& g : cases) {
    INFO(g.query << " bound " << g.bound);
    ParsedQuery pq = parse_query(g.query, analyzer, ParseOptions{g.prefix_last});
    REQUIRE(pq.ok());
    expand_prefixes(shards, analyzer, pq, g.bound);
    const TierPlan plan = plan_tiers(pq, true, filters_of(pq, nullptr));
    std::vector<std::string> got;
    for (const auto& t : plan.tiers) {
      got.push_back(std::string(to_string(t.tier)) + (t.summary ? " (summaries): " : ": ") +
                    t.query.get_description());
    }
    for (const auto& item : pq.excluded) got.push_back("excluded: " + clause_query(item).get_description());
    CHECK(got == g.tiers);
  }
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.document_id);
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

const Notice* note(const SearchResult& r, const std::string& code) {
  for (const auto& n : r.notes) {
    if (n.code == code) return &n;
  }
  return nullptr;
}

TEST_CASE("searches with prefixes, wildcards and French operators find what they say",
          "[searcher][prefix]") {
  const FixtureIndex index("prefix");
  struct Case {
    std::string query;
    bool prefix_last;
    std::size_t total, partial;
    std::vector<std::string> documents;  // every match, sorted
  };
  const std::vector<Case> cases = {
      // The issue: "scrut" found only its stem (here D's "scrute"), "scrut*" nothing. No text
      // writes "scrut": its spelling correction "scrutin" is searched instead (spelling.h).
      {"scrut", false, 2, 0, {"TEST-PFX-A", "TEST-PFX-C"}},
      {"scrut*", false, 4, 0, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-C", "TEST-PFX-D"}},
      {"SCRUT*", false, 4, 0, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-C", "TEST-PFX-D"}},
      {"scrut", true, 4, 0, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-C", "TEST-PFX-D"}},
      {"scrutat*", false, 1, 0, {"TEST-PFX-B"}},
      {"sécurit*", false, 2, 0, {"TEST-PFX-C", "TEST-PFX-D"}},
      {"scrut* Guyane", false, 2, 2, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-C", "TEST-PFX-D"}},
      {"délai -scrut*", false, 2, 0, {"TEST-PFX-E", "TEST-PFX-F"}},
      {"Corse -scrut*", false, 1, 0, {"TEST-PFX-F"}},
      {"Corse scrutat", true, 0, 4, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-D", "TEST-PFX-F"}},
      {"Guyane scrutat", true, 1, 1, {"TEST-PFX-B", "TEST-PFX-D"}},
      {"s*", false, 0, 0, {}},
      // "Corse OU Guyane" finds both.
      {"Corse OU Guyane", false, 4, 0, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-D", "TEST-PFX-F"}},
      {"Corse ET Guyane", false, 1, 3, {"TEST-PFX-A", "TEST-PFX-B", "TEST-PFX-D", "TEST-PFX-F"}},
      {"Corse SAUF Guyane", false, 2, 0, {"TEST-PFX-A", "TEST-PFX-F"}},
      {"Corse NON Guyane", false, 2, 0, {"TEST-PFX-A", "TEST-PFX-F"}},
      {"délai SAUF Martinique", false, 1, 0, {"TEST-PFX-F"}},
      {"SAUF dispositions", false, 1, 0, {"TEST-PFX-E"}},
  };
  for (bool table : {true, false}) {
    SearcherOptions options;
    options.facet_table = table;
    Searcher s({index.db()}, options);
    for (const auto& c : cases) {
      INFO(c.query << (c.prefix_last ? " (prefix_last)" : "") << (table ? ", table" : ", no table"));
      SearchRequest req;
      req.query = c.query;
      req.prefix_last = c.prefix_last;
      req.limit = 20;
      const SearchResult r = s.search(req);
      CHECK(r.total == c.total);
      CHECK(r.total_partial == c.partial);
      CHECK(sorted(ids(r)) == c.documents);
    }
  }
}

TEST_CASE("the typed word ranks before its completions, which are highlighted and named",
          "[searcher][prefix]") {
  const FixtureIndex index("prefix");
  Searcher s({index.db()});
  SearchRequest req;
  req.limit = 20;
  // "scrutin" typed: A and C hold it, B ("scrutateurs") only completes it.
  req.query = "scrutin";
  req.prefix_last = true;
  SearchResult r = s.search(req);
  REQUIRE(r.hits.size() == 2);  // nothing else starts with "scrutin"
  CHECK(sorted(ids(r)) == std::vector<std::string>{"TEST-PFX-A", "TEST-PFX-C"});
  req.query = "scruta";
  r = s.search(req);
  REQUIRE(r.hits.size() == 1);
  const Hit& b = r.hits.front();
  CHECK(b.document_id == "TEST-PFX-B");
  REQUIRE_FALSE(b.highlights.empty());
  CHECK(b.text.substr(b.highlights.front().begin,
                      b.highlights.front().end - b.highlights.front().begin) == "scrutateurs");
  // "proportion", a word of the texts: itself (F) before its completion "proportionnel" (A).
  req.query = "proportion";
  r = s.search(req);
  CHECK(ids(r) == std::vector<std::string>{"TEST-PFX-F", "TEST-PFX-A"});
  // A partial hit names the wildcard as typed, once.
  req.query = "scrut* Martinique";
  req.prefix_last = false;
  r = s.search(req);
  bool named = false;
  for (const auto& h : r.hits) {
    if (h.document_id != "TEST-PFX-E") continue;
    CHECK(h.missing == std::vector<std::string>{"scrut*"});
    named = true;
  }
  CHECK(named);
  CHECK(note(r, "wildcard_bound") == nullptr);
  // The word being typed too, once, whether it is a word ("proportion") or not ("scrutat").
  req.prefix_last = true;
  for (const std::string word : {"proportion", "scrutat"}) {
    req.query = "Martinique " + word;
    r = s.search(req);
    const auto e = std::find_if(r.hits.begin(), r.hits.end(),
                                [](const Hit& h) { return h.document_id == "TEST-PFX-E"; });
    REQUIRE(e != r.hits.end());
    CHECK(e->missing == std::vector<std::string>{word});
  }
}

TEST_CASE("a wildcard stands for the product's bound of words, and says so",
          "[searcher][prefix]") {
  testing::TempDir dir;
  const auto db = (dir.path() / "db").string();
  REQUIRE(testing::index_paths(db, {testing::write_decrees(dir.path())}).empty());
  Searcher s({db});
  SearchRequest req;
  req.query = "2024-1*";
  const SearchResult r = s.search(req);
  CHECK(r.total == 1);
  const Notice* bound = note(r, "wildcard_bound");
  REQUIRE(bound);
  CHECK(bound->message ==
        "\u00ab\u00a02024-1*\u00a0\u00bb\u00a0: les 100 mots les plus fréquents qui commencent par "
        "\u00ab\u00a02024-1\u00a0\u00bb ont été cherchés, sur 120");
  // Under the bound: no note.
  req.query = "2024-100*";
  const SearchResult under = s.search(req);
  CHECK(under.total == 1);
  CHECK(note(under, "wildcard_bound") == nullptr);
  // The word being typed says it too.
  req.query = "2024-1";
  req.prefix_last = true;
  const SearchResult typed = s.search(req);
  const Notice* typing = note(typed, "wildcard_bound");
  REQUIRE(typing);
  CHECK(typing->message.find("(mot en cours de frappe)") != std::string::npos);
  // The expansion itself is bounded by kMaxExpansions.
  Shards shards({db}, true);
  analyzers::FrenchAnalyzer analyzer;
  const Completions c = complete_prefix(shards, analyzer, "2024-1", "2024-1", {}, kMaxExpansions);
  CHECK(c.terms.size() + (c.exact.empty() ? 0 : 1) == kMaxExpansions);
  CHECK(c.found == 120);
}

}  // namespace
}  // namespace hemicycle::searcher
