#include "hemicycle/searcher/snippet.h"

#include <catch2/catch.hpp>

using hemicycle::analyzers::FrenchAnalyzer;
using hemicycle::searcher::find_highlights;
using hemicycle::searcher::make_snippet;
using hemicycle::searcher::Range;

namespace {

std::unordered_set<std::string> terms_of(FrenchAnalyzer& a, const std::string& query) {
  std::unordered_set<std::string> terms;
  for (const auto& t : a.analyze(query)) terms.insert(t.text);
  return terms;
}

std::vector<std::string> words(const std::string& text, const std::vector<Range>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

}  // namespace

TEST_CASE("highlights are the words as written", "[searcher][snippet]") {
  FrenchAnalyzer a;
  const std::string text =
      "7. Encourage le Gouvernement à contrer les ingérences étrangères qui menacent la "
      "stabilité de la Nouvelle‑Calédonie et de l’Outre-Mer.";
  auto hs = find_highlights(text, terms_of(a, "ingérence étrangère outre-mer calédonie"), a);
  CHECK(words(text, hs) ==
        std::vector<std::string>{"ingérences", "étrangères", "Calédonie", "Outre-Mer"});
  CHECK(find_highlights(text, {}, a).empty());
  CHECK(find_highlights("", terms_of(a, "ingérence"), a).empty());
}

TEST_CASE("snippets cut long texts around the matches", "[searcher][snippet]") {
  FrenchAnalyzer a;
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Considérant la longue suite des travaux préparatoires ; ";
  text += "les ingérences étrangères menacent l’outre-mer. ";
  for (int i = 0; i < 30; ++i) text += "Rappelant encore les travaux antérieurs ; ";
  auto hs = find_highlights(text, terms_of(a, "ingérence étrangère outre-mer"), a);
  REQUIRE(hs.size() == 3);
  auto s = make_snippet(text, hs, 200);
  CHECK(s.text.size() <= 200 + 10);
  CHECK(s.text.rfind("… ", 0) == 0);
  CHECK(s.text.size() >= 3);
  CHECK(s.text.compare(s.text.size() - 3, 3, "…") == 0);
  CHECK(words(s.text, s.highlights) ==
        std::vector<std::string>{"ingérences", "étrangères", "outre-mer"});

  // Matches near the end: the end of the text is shown, not cut.
  const std::string article7 =
      "7. Encourage le Gouvernement, la Commission européenne et le Conseil européen à "
      "intensifier la coopération avec les partenaires internationaux afin de détecter, de "
      "prévenir et de contrer les ingérences étrangères qui menacent la stabilité de la "
      "Nouvelle-Calédonie et de l’outre-mer.";
  auto end_hs = find_highlights(article7, terms_of(a, "ingérence étrangère outre-mer"), a);
  auto end_snippet = make_snippet(article7, end_hs, 240);
  CHECK(words(end_snippet.text, end_snippet.highlights) ==
        std::vector<std::string>{"ingérences", "étrangères", "outre-mer"});
  CHECK(end_snippet.text.size() >= 7);
  CHECK(end_snippet.text.compare(end_snippet.text.size() - 5, 5, "-mer.") == 0);

  auto whole = make_snippet("court", {Range{0, 5}}, 200);
  CHECK(whole.text == "court");
  CHECK(whole.highlights == std::vector<Range>{Range{0, 5}});
}

TEST_CASE("snippets never split a UTF-8 character", "[searcher][snippet]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "éééé ";
  for (std::size_t max : {7u, 50u, 101u, 240u}) {
    auto s = make_snippet(text, {}, max);
    // Valid UTF-8: every é is whole.
    std::size_t e_count = 0;
    for (std::size_t i = 0; i + 1 < s.text.size(); ++i) {
      if (s.text.compare(i, 2, "é") == 0) ++e_count;
    }
    CHECK(e_count > 0);
    CHECK(hemicycle::analyzers::is_valid_utf8(s.text));
  }
}
