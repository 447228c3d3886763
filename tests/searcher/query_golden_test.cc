// Golden tests of the Xapian queries the searcher builds, as Xapian's own query parser tests
// do: the text typed, then each ranking tier's query as get_description() prints it. A change
// to ranking shows here as a change of query, reviewed before it reaches the figures.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "filters.h"
#include "queries.h"

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/query.h"

namespace hemicycle::searcher {
namespace {

struct Golden {
  const char* query;
  bool grouped;
  // "tier: description", best first; then "excluded: …" for each excluded word or phrase.
  // The tier "every word in the document" has no query of its own: it is computed from each
  // word's clauses (every_unit.cc), hence its "Query()".
  std::vector<std::string> tiers;
};

std::vector<std::string> describe(const std::string& text, bool grouped) {
  analyzers::FrenchAnalyzer analyzer;
  ParsedQuery pq = parse_query(text, analyzer);
  REQUIRE(pq.ok());
  TierPlan plan = plan_tiers(pq, grouped, filters_of(pq, nullptr));
  std::vector<std::string> out;
  for (const auto& t : plan.tiers) {
    out.push_back(std::string(to_string(t.tier)) + (t.summary ? " (summaries): " : ": ") +
                  t.query.get_description());
  }
  // Exclusions are searched on their own (any clause of a document excludes it).
  for (const auto& item : pq.excluded) {
    out.push_back("excluded: " + clause_query(item).get_description());
  }
  return out;
}

const std::vector<Golden> kGolden = {
    {"ingérence", false,
     {"all_words_in_clause: Query(ingerent)"}},
    {"ingérence", true,
     {"all_words_in_clause: Query(ingerent)"}},
    {"ingérence étrangère outre-mer", false,
     {"all_words_in_clause: Query(((ingerent AND etranger AND (outr PHRASE 2 mer)) AND_MAYBE ((ingerent PHRASE 2 etranger) OR (etranger PHRASE 3 outr PHRASE 3 mer))))",
      "some_words: Query((ingerent OR etranger OR (outr PHRASE 2 mer)))"}},
    {"ingérence étrangère outre-mer", true,
     {"all_words_in_clause: Query(((ingerent AND etranger AND (outr PHRASE 2 mer)) AND_MAYBE ((ingerent PHRASE 2 etranger) OR (etranger PHRASE 3 outr PHRASE 3 mer))))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query((ingerent OR etranger OR (outr PHRASE 2 mer)))"}},
    {"\"ingérence étrangère\"", false,
     {"all_words_in_clause: Query((ingerent PHRASE 2 etranger))"}},
    {"\"ingérence étrangère\"", true,
     {"all_words_in_clause: Query((ingerent PHRASE 2 etranger))"}},
    {"« état d'urgence »", false,
     {"all_words_in_clause: Query((etat PHRASE 2 urgenc))"}},
    {"« état d'urgence »", true,
     {"all_words_in_clause: Query((etat PHRASE 2 urgenc))"}},
    {"l'assemblée nationale", false,
     {"all_words_in_clause: Query(((assemble AND national) AND_MAYBE (assemble PHRASE 2 national)))",
      "some_words: Query((assemble OR national))"}},
    {"l'assemblée nationale", true,
     {"all_words_in_clause: Query(((assemble AND national) AND_MAYBE (assemble PHRASE 2 national)))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query((assemble OR national))"}},
    {"état OR urgence", false,
     {"all_words_in_clause: Query((etat OR urgenc))"}},
    {"état OR urgence", true,
     {"all_words_in_clause: Query((etat OR urgenc))"}},
    {"loi OR décret contrat", false,
     {"all_words_in_clause: Query(((loi OR decret) AND contrat))",
      "some_words: Query(((loi OR decret) OR contrat))"}},
    {"loi OR décret contrat", true,
     {"all_words_in_clause: Query(((loi OR decret) AND contrat))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query(((loi OR decret) OR contrat))"}},
    {"logement -social", false,
     {"all_words_in_clause: Query(log)",
      "excluded: Query(social)"}},
    {"logement -social", true,
     {"all_words_in_clause: Query(log)",
      "excluded: Query(social)"}},
    {"logement NOT \"logement social\"", false,
     {"all_words_in_clause: Query(log)",
      "excluded: Query((log PHRASE 2 social))"}},
    {"logement NOT \"logement social\"", true,
     {"all_words_in_clause: Query(log)",
      "excluded: Query((log PHRASE 2 social))"}},
    // A legal reference is one unit: its words as typed (two words more in the window) or
    // the clauses citing it (XR terms; 49.3: article 49 and its alinéa 3).
    {"article 49.3", false,
     {"all_words_in_clause: Query(((articl PHRASE 5 49 PHRASE 5 3) OR XRconstitution art. 49 OR XRconstitution art. 49 al. 3))"}},
    {"article 49.3", true,
     {"all_words_in_clause: Query(((articl PHRASE 5 49 PHRASE 5 3) OR XRconstitution art. 49 OR XRconstitution art. 49 al. 3))"}},
    // A known-item form (the whole query "article N"): the documents numbered L. 121-1 with
    // "article" in their title come first.
    {"article L. 121-1", false,
     {"known_item: Query(((articl OR 121-1) FILTER PostingSource(DocumentFilterSource(Query((Sarticl AND XNUMl121-1))))))",
      "all_words_in_clause: Query(((articl AND 121-1) AND_MAYBE (articl PHRASE 2 121-1)))",
      "some_words: Query((articl OR 121-1))"}},
    {"article L. 121-1", true,
     {"known_item (summaries): Query((0 * (Sarticl AND XNUMl121-1) AND_MAYBE (Sarticl OR S121-1)))",
      "all_words_in_clause: Query(((articl AND 121-1) AND_MAYBE (articl PHRASE 2 121-1)))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query((articl OR 121-1))"}},
    {"institution:senat logement", false,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query(XINSTsenat)))))"}},
    {"institution:senat logement", true,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query(XINSTsenat)))))"}},
    {"-institution:senat logement", false,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query((XSUMMARY AND_NOT XINSTsenat))))))"}},
    {"-institution:senat logement", true,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query((XSUMMARY AND_NOT XINSTsenat))))))"}},
    {"type:amendement signatory:\"Jean Dupont\" logement", false,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query((XSIGNjean dupont AND XTYPEamendement))))))"}},
    {"type:amendement signatory:\"Jean Dupont\" logement", true,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query((XSIGNjean dupont AND XTYPEamendement))))))"}},
    {"date:2024..2025-03 logement", false,
     {"all_words_in_clause: Query((log FILTER VALUE_RANGE 0 2024-01-01 2025-03-31))"}},
    {"date:2024..2025-03 logement", true,
     {"all_words_in_clause: Query((log FILTER VALUE_RANGE 0 2024-01-01 2025-03-31))"}},
    {"date:2013-01-01.. budget", false,
     {"all_words_in_clause: Query((budget FILTER VALUE_GE 0 2013-01-01))"}},
    {"date:2013-01-01.. budget", true,
     {"all_words_in_clause: Query((budget FILTER VALUE_GE 0 2013-01-01))"}},
    {"date:..2012 institution:assemblee", false,
     {"filter_only: Query((XCLAUSE FILTER (VALUE_LE 0 2012-12-31 AND PostingSource(DocumentFilterSource(Query(XINSTassemblee))))))"}},
    {"date:..2012 institution:assemblee", true,
     {"filter_only (summaries): Query((XSUMMARY FILTER (XINSTassemblee AND VALUE_LE 0 2012-12-31)))"}},
    {"kind:considerant ingérence", false,
     {"all_words_in_clause: Query((ingerent FILTER XKconsiderant))"}},
    {"kind:considerant ingérence", true,
     {"all_words_in_clause: Query((ingerent FILTER XKconsiderant))"}},
    {"-kind:visa ingérence", false,
     {"all_words_in_clause: Query((ingerent AND_NOT XKvisa))"}},
    {"-kind:visa ingérence", true,
     {"all_words_in_clause: Query((ingerent AND_NOT XKvisa))"}},
    {"territory:\"Nouvelle-Calédonie\" ingérence", false,
     {"all_words_in_clause: Query((ingerent FILTER PostingSource(DocumentFilterSource(Query(XTERRnouvelle-caledonie)))))"}},
    {"territory:\"Nouvelle-Calédonie\" ingérence", true,
     {"all_words_in_clause: Query((ingerent FILTER PostingSource(DocumentFilterSource(Query(XTERRnouvelle-caledonie)))))"}},
    {"Nouvelle-Calédonie ingérence", false,
     {"all_words_in_clause: Query((((nouvel PHRASE 2 caledon) AND ingerent) AND_MAYBE (nouvel PHRASE 3 caledon PHRASE 3 ingerent)))",
      "some_words: Query(((nouvel PHRASE 2 caledon) OR ingerent))"}},
    {"Nouvelle-Calédonie ingérence", true,
     {"all_words_in_clause: Query((((nouvel PHRASE 2 caledon) AND ingerent) AND_MAYBE (nouvel PHRASE 3 caledon PHRASE 3 ingerent)))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query(((nouvel PHRASE 2 caledon) OR ingerent))"}},
    // Known items: the documents numbered 1386 with "amendement" in their title rank
    // first, by the query's words in their title and the target article; with clauses,
    // their clauses holding some word.
    {"amendement n° 1386 article 4", true,
     {"known_item (summaries): Query((0 * (Samend AND XNUM1386) AND_MAYBE (Samend OR S1386 OR Sarticl OR S4 OR XTGT4)))",
      "all_words_in_clause: Query(((amend AND 1386 AND articl AND 4) AND_MAYBE ((amend PHRASE 2 1386) OR (1386 PHRASE 2 articl) OR (articl PHRASE 2 4))))",
      "all_words_in_document (summaries): Query()",
      "some_words: Query((amend OR 1386 OR articl OR 4))"}},
    {"amendement n° 1386 article 4", false,
     {"known_item: Query(((amend OR 1386 OR articl OR 4) FILTER PostingSource(DocumentFilterSource(Query((Samend AND XNUM1386))))))",
      "all_words_in_clause: Query(((amend AND 1386 AND articl AND 4) AND_MAYBE ((amend PHRASE 2 1386) OR (1386 PHRASE 2 articl) OR (articl PHRASE 2 4))))",
      "some_words: Query((amend OR 1386 OR articl OR 4))"}},
    {"1240 C. civ.", true,
     {"known_item (summaries): Query((0 * (Scivil AND Scod AND XNUM1240) AND_MAYBE (S1240 OR Sciv)))",
      "all_words_in_clause: Query(((1240 PHRASE 5 civ) OR XRcode civil art. 1240))"}},
    {"1240 C. civ.", false,
     {"known_item: Query((((1240 PHRASE 5 civ) OR XRcode civil art. 1240) FILTER PostingSource(DocumentFilterSource(Query((Scivil AND Scod AND XNUM1240))))))",
      "all_words_in_clause: Query(((1240 PHRASE 5 civ) OR XRcode civil art. 1240))"}},
    {"AMANR5L17PO59051B1105P0D1N000002", true,
     {"known_item (summaries): Query((0 * QAMANR5L17PO59051B1105P0D1N000002 AND_MAYBE Samanr5l17po59051b1105p0d1n000002))",
      "all_words_in_clause: Query(amanr5l17po59051b1105p0d1n000002)"}},
    // titre: and numero: filter the documents, like the other document fields.
    {"numero:CL2 logement", true,
     {"all_words_in_clause: Query((log FILTER PostingSource(DocumentFilterSource(Query(XNUMcl2)))))"}},
    {"titre:\"code civil\" responsabilité", true,
     {"all_words_in_clause: Query((responsabilit FILTER PostingSource(DocumentFilterSource(Query((Scod PHRASE 2 Scivil))))))"}},
    {"aujourd’hui", false,
     {"all_words_in_clause: Query(aujourd'hui)"}},
    {"aujourd’hui", true,
     {"all_words_in_clause: Query(aujourd'hui)"}},
};

// Filters without a facet table (several shards): document-level ones go through the
// summaries' DocumentFilterSource, clause kinds and dates filter the clauses directly.
TEST_CASE("The Xapian queries of each tier, as get_description() prints them") {
  for (const auto& g : kGolden) {
    INFO("query: " << g.query << (g.grouped ? " (grouped)" : " (clauses)"));
    auto got = describe(g.query, g.grouped);
    CHECK(got == g.tiers);
  }
}

}  // namespace
}  // namespace hemicycle::searcher
