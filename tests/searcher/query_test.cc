#include "hemicycle/searcher/query.h"

#include <catch2/catch.hpp>
#include <cctype>

using hemicycle::analyzers::FrenchAnalyzer;
using hemicycle::searcher::parse_filter;
using hemicycle::searcher::parse_query;
using hemicycle::searcher::ParsedQuery;

namespace {

// A compact description of a parsed query, for table-driven tests:
// units as [a|b] (alternatives), phrases as "x y", exclusions as -x, filters as field=value.
std::string describe(const ParsedQuery& q) {
  if (!q.ok()) return "ERROR";
  std::string out;
  auto item_text = [](const hemicycle::searcher::QueryItem& it) {
    std::string s;
    for (const auto& t : it.tokens) s += (s.empty() ? "" : " ") + t.text;
    return it.tokens.size() > 1 ? "\"" + s + "\"" : s;
  };
  for (const auto& unit : q.units) {
    std::string u;
    for (const auto& it : unit) u += (u.empty() ? "" : "|") + item_text(it);
    out += (out.empty() ? "" : " ") + (unit.size() > 1 ? "[" + u + "]" : u);
  }
  for (const auto& it : q.excluded) out += " -" + item_text(it);
  for (const auto& f : q.filters) {
    out += std::string(" ") + (f.negated ? "-" : "") + std::string(f.field->name) + "=" + f.value;
  }
  if (q.date) out += " date=" + q.date->from + ".." + q.date->to;
  return out;
}

}  // namespace

TEST_CASE("query language", "[searcher][query]") {
  FrenchAnalyzer analyzer;
  struct Case {
    std::string query;
    std::string expected;
  };
  // Stems come from the shared analyzer; here they only need to be stable for both sides.
  const std::vector<Case> cases = {
      {"", ""},
      {"cinéma", "cinem"},
      {"l’ingérence", describe(parse_query("ingérence", analyzer))},
      {"cinéma OR théâtre", "[cinem|theatr]"},
      {"\"Nouvelle Calédonie\"", describe(parse_query("nouvelle-caledonie", analyzer))},
      {"cinéma -théâtre", "cinem -theatr"},
      {"cinéma NOT théâtre", "cinem -theatr"},
      {"type:amendement cinéma", "cinem type=amendement"},
      {"-type:amendement cinéma", "cinem -type=amendement"},
      {"territory:\"Polynésie française\"", " territory=Polynésie française"},
      {"«\u00A0Nouvelle Calédonie\u00A0»", describe(parse_query("\"Nouvelle Calédonie\"", analyzer))},
      {"date:2024..2025-03", " date=2024-01-01..2025-03-31"},
      {"date:..2024-06-30", " date=..2024-06-30"},
      // A legal reference: the words as typed or its term (references_test.cc).
      {"88-4", "[88-4|XRconstitution art. 88-4]"},
      {"\"ingérence", "ERROR"},
      {"couleur:bleu", "ERROR"},
      {"date:2024-13-01..", "ERROR"},
      {"date:2025..2024", "ERROR"},
      {"type:", "ERROR"},
      {"cites:\"loi 2024-850", "ERROR"},
  };
  for (const auto& c : cases) {
    INFO(c.query);
    CHECK(describe(parse_query(c.query, analyzer)) == c.expected);
  }
}

TEST_CASE("stop-word-only items are dropped with a note", "[searcher][query]") {
  FrenchAnalyzer analyzer;
  ParsedQuery q = parse_query("de la cinéma", analyzer);
  REQUIRE(q.ok());
  CHECK(q.units.size() == 1);
  REQUIRE(q.notes.size() == 2);
  CHECK(q.notes[0].code == "only_stop_words");
  CHECK(q.notes[0].message ==
        "\u00ab\u00a0de\u00a0\u00bb ne contient que des mots vides ou aucun mot\u00a0: ignoré");
}

// Every code a query can get back, with its French message: programs read the code, the
// page and the CLI show the message. "_" stands for a non-breaking space (U+00A0).
TEST_CASE("every query error and note: a stable code and a French message", "[searcher][query]") {
  FrenchAnalyzer analyzer;
  struct Case {
    std::string query;
    std::string code;
    std::string message;
  };
  const std::string fields =
      "(champs connus_: date, type, kind, institution, year, territory, country, cites, "
      "signatory, outcome, legislature, sitting, speaker, speaker_role, group, titre (title), "
      "numero (number))";
  const std::vector<Case> errors = {
      {"\"ingérence étrangère", "unbalanced_quote",
       "guillemet non refermé_: il manque \" à l’expression qui commence par «_\"ingérence "
       "étrangère_»"},
      {"cites:\"loi 2024", "unbalanced_quote",
       "guillemet non refermé après «_cites:_»_: il manque \""},
      {"couleur:bleu", "unknown_field", "champ inconnu «_couleur_» " + fields},
      {"type:", "missing_value", "valeur manquante après «_type:_»"},
      {"date:hier", "bad_date_range",
       "date_: période attendue sous la forme AAAA-MM-JJ..AAAA-MM-JJ (ou AAAA, AAAA-MM, une "
       "borne ouverte), et non «_hier_»"},
      {"date:2025..2024", "reversed_date_range",
       "date_: la période «_2025..2024_» finit avant de commencer"},
      {"-date:2024", "excluded_date", "date_: une période ne peut pas être exclue"},
  };
  // '_' is a no-break space, but inside a field's name ("speaker_role").
  auto nbsp = [](std::string s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const bool in_name = i > 0 && i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i - 1])) &&
                           std::islower(static_cast<unsigned char>(s[i + 1]));
      out += s[i] == '_' && !in_name ? std::string("\u00a0") : std::string(1, s[i]);
    }
    return out;
  };
  for (const auto& c : errors) {
    INFO(c.query);
    const ParsedQuery q = parse_query(c.query, analyzer);
    CHECK(q.error.code == c.code);
    CHECK(q.error.message == nbsp(c.message));
  }
  ParsedQuery bad_filter;
  const auto refused = parse_filter("nofield", bad_filter);
  CHECK(refused.code == "bad_filter");
  CHECK(refused.message.find(nbsp("un filtre s’écrit CHAMP:VALEUR, et non «_nofield_»")) == 0);
  const ParsedQuery trailing = parse_query("cinéma NOT", analyzer);
  REQUIRE(trailing.notes.size() == 1);
  CHECK(trailing.notes[0].code == "trailing_not");
  CHECK(trailing.notes[0].message == nbsp("NOT en fin de requête_: ignoré"));
}

TEST_CASE("filters given apart", "[searcher][query]") {
  FrenchAnalyzer analyzer;
  ParsedQuery q;
  CHECK(parse_filter("kind:visa", q).empty());
  CHECK(parse_filter("type:\"résolution européenne\"", q).empty());
  CHECK(parse_filter("date:2024", q).empty());
  CHECK_FALSE(parse_filter("visa", q).empty());
  CHECK_FALSE(parse_filter("color:red", q).empty());
  REQUIRE(q.filters.size() == 2);
  CHECK(q.filters[1].value == "résolution européenne");
  REQUIRE(q.date);
  CHECK(q.date->from == "2024-01-01");
  CHECK(q.date->to == "2024-12-31");
}

// Hostile or careless queries: each is either trimmed of what adds nothing or refused before
// it runs, whatever the front end (the CLI has no size cap of its own).
TEST_CASE("a query's cost is bounded before it runs", "[searcher][query]") {
  FrenchAnalyzer analyzer;
  auto repeated = [](const std::string& word, std::size_t n, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? sep : "") + word;
    return out;
  };
  auto distinct = [](std::size_t n, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? sep : "") + std::string("mot") + std::to_string(i);
    return out;
  };
  struct Case {
    std::string query;
    std::string expected;  // describe(); "ERROR" for a refused query
  };
  const std::vector<Case> cases = {
      {"loi loi loi", "loi"},
      {repeated("loi", 5000, " "), "loi"},
      {"loi OR loi décret", "loi decret"},
      {"cinéma théâtre cinéma OR loi", "cinem theatr loi"},
      {"loi -cinéma -cinéma", "loi -cinem"},
      {distinct(64, " ") , describe(parse_query(distinct(64, " "), analyzer))},
      {distinct(65, " "), "ERROR"},
      {distinct(5000, " OR "), "ERROR"},
      {distinct(40, " ") + " -\"" + distinct(30, " ") + "\"", "ERROR"},
      {repeated("a", 20000, "-"), "ERROR"},
  };
  for (const auto& c : cases) {
    INFO(c.query.substr(0, 80));
    CHECK(describe(parse_query(c.query, analyzer)) == c.expected);
  }
  ParsedQuery refused = parse_query(distinct(65, " "), analyzer);
  CHECK(refused.error.code == "too_many_terms");
  CHECK(refused.error.message.find("requête trop longue\u00a0: 64 mots au plus") == 0);
  CHECK(parse_query(distinct(64, " "), analyzer).ok());
}
