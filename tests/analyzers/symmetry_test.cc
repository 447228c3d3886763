// Query/index symmetry: a query typed for words of a document (any case, with or without
// accents, ' or ’, - or U+2011) gives the document's terms at the same relative positions.
// The document phrases are copied from shared/corpus/sample/000_9342120a74825bec.txt.

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"

namespace {

namespace ha = hemicycle::analyzers;

// Terms with positions relative to the first one.
std::vector<std::pair<std::string, std::uint32_t>> relative(const std::vector<ha::Token>& ts) {
  std::vector<std::pair<std::string, std::uint32_t>> out;
  for (const auto& t : ts) out.emplace_back(t.text, t.position - ts.front().position);
  return out;
}

// True if the query's terms occur in the document at the same relative positions (a phrase
// match, as the searcher does it).
bool phrase_matches(const std::vector<ha::Token>& doc, const std::vector<ha::Token>& query) {
  if (query.empty()) return false;
  const auto q = relative(query);
  for (const auto& start : doc) {
    if (start.text != q.front().first) continue;
    bool all = true;
    for (const auto& [text, delta] : q) {
      bool found = false;
      for (const auto& t : doc) {
        if (t.position == start.position + delta && t.text == text) found = true;
      }
      if (!found) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

TEST_CASE("queries find the document phrases they name", "[analyzers]") {
  struct Case {
    std::string document;
    std::vector<std::string> queries;
  };
  const Case cases[] = {
      {"Vu la loi n\u00b0 2024-850 du 25 juillet 2024 visant \u00e0 pr\u00e9venir les "
       "ing\u00e9rences \u00e9trang\u00e8res en France,",
       {"loi n\u00b0 2024-850", "loi n 2024-850", "2024-850", "ingerences etrangeres",
        "ING\u00c9RENCE \u00c9TRANG\u00c8RE", "prevenir les ingerences"}},
      {"Vu l\u2019article 88-4 de la Constitution,",
       {"article 88-4", "l'article 88-4 de la constitution", "88-4"}},
      {"Vu le r\u00e8glement (UE) 2024/1689 du Parlement europ\u00e9en",
       {"reglement (ue) 2024/1689", "UE 2024/1689", "r\u00e8glement (UE) 2024/1689",
        "parlement europeen"}},
      {"Vu la r\u00e9solution du Parlement europ\u00e9en du 1er juin 2023 sur "
       "l\u2019ing\u00e9rence \u00e9trang\u00e8re dans l\u2019ensemble des processus "
       "d\u00e9mocratiques de l\u2019Union europ\u00e9enne,",
       {"1er juin 2023", "l'ingerence etrangere", "ingérence étrangère dans l’ensemble",
        "processus democratiques", "union europeenne"}},
      {"Consid\u00e9rant l\u2019apparition soudaine du drapeau de l\u2019Azerba\u00efdjan dans les "
       "manifestations ind\u00e9pendantistes en Nouvelle-Cal\u00e9donie",
       {"azerbaidjan", "drapeau de l'Azerbaïdjan", "nouvelle-caledonie", "Nouvelle Calédonie",
        "NOUVELLE\u2011CAL\u00c9DONIE", "manifestations independantistes"}},
      {"d\u00e9partements et r\u00e9gions d\u2019outre-mer, dans les collectivit\u00e9s "
       "d\u2019outre-mer et en Corse",
       {"outre-mer", "Outre-Mer", "outre mer", "regions d'outre-mer", "collectivites d'outre-mer"}},
      {"L\u2019Assembl\u00e9e nationale,", {"assemblee nationale", "l'Assemblée Nationale"}},
  };
  ha::FrenchAnalyzer analyzer;
  for (const Case& c : cases) {
    const auto doc = analyzer.analyze(c.document);
    for (const auto& q : c.queries) {
      CAPTURE(c.document, q);
      CHECK(phrase_matches(doc, analyzer.analyze(q)));
    }
  }
  // And the converse: a query for other words does not match.
  const auto doc = analyzer.analyze("la Nouvelle-Cal\u00e9donie et l\u2019outre-mer");
  CHECK_FALSE(phrase_matches(doc, analyzer.analyze("caledonie nouvelle")));
  CHECK_FALSE(phrase_matches(doc, analyzer.analyze("mer outre")));
  CHECK_FALSE(phrase_matches(doc, analyzer.analyze("2024-85")));
}

}  // namespace
