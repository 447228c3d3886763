// The shared sample corpus (../shared/corpus/sample beside the repository), when present.

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "hemicycle/corpus/reader.h"
#include "support.h"

namespace {

using hemicycle::model::ClauseKind;
using hemicycle::model::Document;
using hemicycle::model::Warning;

const char kSeed[] = "corpus/sample/000_9342120a74825bec.txt";

std::map<std::string, int> kind_counts(const Document& doc) {
  std::map<std::string, int> counts;
  for (const auto& c : doc.clauses) ++counts[std::string(hemicycle::model::to_string(c.kind))];
  return counts;
}

void check_seed(const Document& doc) {
  CHECK(kind_counts(doc) == std::map<std::string, int>{{"preamble", 1},
                                                        {"visa", 10},
                                                        {"considerant", 5},
                                                        {"recital", 5},
                                                        {"article", 7},
                                                        {"place_date", 1},
                                                        {"signature", 1}});
  CHECK(doc.date == "2025-03-28");
  CHECK(doc.place == "Paris");
  CHECK(doc.institution == "Assemblée nationale");
  CHECK(doc.signatories == std::vector<std::string>{"Yaël Braun-Pivet"});
  CHECK(doc.signatory_role == "La Présidente");
  REQUIRE(doc.clauses.size() == 30);
  // Order: preamble, visas, considérants, recitals, articles, place/date, signature.
  CHECK(doc.clauses[0].kind == ClauseKind::kPreamble);
  CHECK(doc.clauses[1].kind == ClauseKind::kVisa);
  CHECK(doc.clauses[11].kind == ClauseKind::kConsiderant);
  CHECK(doc.clauses[16].kind == ClauseKind::kRecital);
  CHECK(doc.clauses[21].kind == ClauseKind::kArticle);
  // " Considérant la signature…" right after a line ending with ";" is its own clause.
  CHECK(doc.clauses[12].text.rfind("Considérant la signature à Bakou", 0) == 0);
  const auto& a2 = doc.clauses[22];
  CHECK(a2.number == "2");
  CHECK(a2.lead == "Affirme");
  const auto& a7 = doc.clauses[27];
  CHECK(a7.kind == ClauseKind::kArticle);
  CHECK(a7.number == "7");
  CHECK(a7.lead == "Encourage");
  // Text as published, with its number, lines joined with single spaces.
  CHECK(a7.text ==
        "7. Encourage le Gouvernement, la Commission européenne et le Conseil européen à "
        "intensifier la coopération avec les partenaires internationaux afin de détecter, de "
        "prévenir et de contrer les ingérences étrangères qui menacent la stabilité de la "
        "Nouvelle-Calédonie et de l’outre-mer.");
  CHECK(doc.text.substr(a7.begin, a7.end - a7.begin).rfind("7. Encourage", 0) == 0);
  CHECK(doc.text.substr(a7.end - 10, 10) == "outre-mer.");
  CHECK(doc.clauses[28].text == "À Paris, le 28 mars 2025.");
  CHECK(doc.clauses[29].text == "La Présidente, Signé : YAËL BRAUN-PIVET");
  // Facets.
  CHECK(doc.cites.front() == "constitution art. 88-4");
  for (const std::string cite :
       {"reglement-an art. 151-5", "tfue art. 198-204", "loi 2024-850", "reglement-ue 2024/1689",
        "reglement-ce 300/2008", "reglement-ue 167/2013", "directive-ue 2014/90",
        "directive-ue 2016/797"}) {
    INFO(cite);
    CHECK(std::find(doc.cites.begin(), doc.cites.end(), cite) != doc.cites.end());
  }
  CHECK(doc.territories == std::vector<std::string>{"Outre-mer", "Nouvelle-Calédonie",
                                                    "Polynésie française", "Guyane", "Corse",
                                                    "La Réunion"});
  CHECK(doc.countries == std::vector<std::string>{"France", "Azerbaïdjan"});
  CHECK(doc.clauses[21].countries == std::vector<std::string>{"Azerbaïdjan"});
}

}  // namespace

TEST_CASE("the seed resolution", "[corpus][sample]") {
  auto seed = hemicycle::testing::shared(kSeed);
  if (!seed) {
    hemicycle::testing::skip("the shared corpus (../shared/corpus/sample) is absent");
  }
  std::vector<Document> docs;
  std::vector<Warning> warnings;
  hemicycle::corpus::read_path(
      *seed, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](Warning&& w) { warnings.push_back(std::move(w)); });
  CHECK(warnings.empty());
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].id == "000_9342120a74825bec");
  check_seed(docs[0]);

  SECTION("without its sidecar, the metadata comes from the text") {
    hemicycle::testing::TempDir dir("hemicycle-seed");
    const auto copy = dir.path() / "seed.txt";
    std::ofstream(copy, std::ios::binary) << hemicycle::testing::read_file(*seed);
    std::vector<Document> alone;
    hemicycle::corpus::read_path(
        copy, [&](Document&& d) { alone.push_back(std::move(d)); },
        [&](Warning&& w) { warnings.push_back(std::move(w)); });
    CHECK(warnings.empty());
    REQUIRE(alone.size() == 1);
    CHECK(alone[0].id == "seed");
    CHECK(alone[0].type.empty());
    check_seed(alone[0]);
  }
}

TEST_CASE("every sample file reads without warning", "[corpus][sample]") {
  auto sample = hemicycle::testing::shared("corpus/sample");
  if (!sample) {
    hemicycle::testing::skip("the shared corpus (../shared/corpus/sample) is absent");
  }
  std::vector<Document> docs;
  std::vector<Warning> warnings;
  hemicycle::corpus::read_path(
      *sample, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](Warning&& w) { warnings.push_back(std::move(w)); });
  for (const Warning& w : warnings) INFO(w.to_string());
  CHECK(warnings.empty());
  CHECK(docs.size() == 30);
  int amendments = 0;
  int bills = 0;
  for (const Document& d : docs) {
    INFO(d.id);
    CHECK_FALSE(d.clauses.empty());
    for (const auto& c : d.clauses) {
      CHECK(c.begin <= c.end);
      CHECK(c.end <= d.text.size());
      CHECK_FALSE(c.text.empty());
    }
    const auto counts = kind_counts(d);
    if (d.type == "amendement") {
      ++amendments;
      CHECK(d.clauses.front().kind == ClauseKind::kTarget);
      CHECK(counts.count("target") == 1);
      CHECK(counts.count("dispositif") == 1);
      CHECK(counts.count("expose") == 1);
      CHECK_FALSE(counts.count("visa"));
      CHECK_FALSE(counts.count("considerant"));
      CHECK_FALSE(d.signatories.empty());
      CHECK_FALSE(d.texte_ref.empty());
      CHECK(d.legislature == "17");
      // Dispositif paragraphs are numbered from 1.
      int n = 0;
      for (const auto& c : d.clauses) {
        if (c.kind == ClauseKind::kDispositif) CHECK(c.number == std::to_string(++n));
      }
    } else if (d.type == "texte_legislatif") {
      ++bills;
      CHECK(d.clauses.front().kind == ClauseKind::kHeading);
      CHECK(counts.count("alinea") == 1);
    } else if (d.type == "reglement") {
      CHECK(counts.count("heading") == 1);
      CHECK(counts.count("alinea") == 1);
    }
  }
  CHECK(amendments == 24);
  CHECK(bills == 4);
}
