// Acceptance on the 18 published sittings of ../shared/corpus/debates, when present: who said
// what, searched through the index as journalists do.

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "hemicycle/corpus/reader.h"
#include "hemicycle/searcher/searcher.h"
#include "searcher/fixture_index.h"

using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::Searcher;

namespace {

// Speeches per speaker as the segmenter gives them, read apart from the index.
std::map<std::string, std::size_t> speeches_by_speaker(const std::filesystem::path& dir) {
  std::map<std::string, std::size_t> out;
  hemicycle::corpus::read_path(
      dir,
      [&](hemicycle::model::Document&& d) {
        for (const auto& c : d.clauses) {
          if (c.kind == hemicycle::model::ClauseKind::kSpeech && !c.speech.speaker.empty()) {
            ++out[c.speech.speaker];
          }
        }
      },
      [](hemicycle::model::Warning&&) {});
  return out;
}

}  // namespace

TEST_CASE("debates: speaker:\"Christiane Taubira\" finds her speeches, sitting by sitting",
          "[searcher][debates][shared]") {
  auto dir = hemicycle::testing::shared("corpus/debates");
  if (!dir) hemicycle::testing::skip("../shared/corpus/debates is absent");
  hemicycle::testing::TempDir tmp;
  const auto db = (tmp.path() / "db").string();
  const auto warnings = hemicycle::testing::index_paths(db, {*dir});
  REQUIRE(warnings.size() == 1);  // its README.md, not a page: said, never silent
  CHECK(warnings[0].find("README.md") != std::string::npos);
  Searcher s({db});
  CHECK(s.document_count() == 18);

  SearchRequest r;
  r.query = "speaker:\"Christiane Taubira\" mariage";
  r.limit = 50;
  auto grouped = s.search(r);
  REQUIRE_FALSE(grouped.hits.empty());
  std::set<std::string> sittings;
  for (const auto& h : grouped.hits) {
    INFO(h.document_id << " " << h.snippet.substr(0, 120));
    CHECK(h.type == "compte_rendu");
    CHECK(h.kind == "speech");
    CHECK(h.speech.speaker == "Christiane Taubira");
    CHECK(h.speech.speaker_kind == "gouvernement");
    CHECK(h.snippet.rfind(h.speech.speaker_label + "\xC2\xA0: ", 0) == 0);
    CHECK(sittings.insert(h.document_id).second);  // one hit per sitting
  }

  r.group_by_document = false;
  r.limit = 200;
  auto clauses = s.search(r);
  REQUIRE(clauses.hits.size() > grouped.hits.size());
  for (const auto& h : clauses.hits) CHECK(h.speech.speaker == "Christiane Taubira");

  // The speaker box: exact speech counts, as segmented.
  const auto expected = speeches_by_speaker(*dir);
  const auto found = s.speakers("taub", 10);
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "Christiane Taubira");
  CHECK(found[0].speeches == expected.at("Christiane Taubira"));
  CHECK(found[0].kind == "gouvernement");
  // The chair is a person too: the sitting's presiding speakers are listed.
  const auto bartolone = s.speakers("bartolone", 10);
  REQUIRE(bartolone.size() == 1);
  CHECK(bartolone[0].speeches == expected.at("Claude Bartolone"));
}
