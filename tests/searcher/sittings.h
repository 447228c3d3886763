#pragma once

// A small hand-built debate, indexed through the real indexer: two sittings of the
// Assemblée (speeches as the segmenter gives them: the chair resolved, a minister named by
// office, a rapporteur, a member, a collective interjection, a stage direction, a heading
// path three levels deep, amendment 53 named) and the amendments a speech may link to
// (53 once in legislature 14, 54 twice: ambiguous, 53 again in legislature 13).

#include <string>
#include <vector>

#include "hemicycle/indexer/indexer.h"
#include "hemicycle/model/document.h"
#include "support.h"

namespace hemicycle::testing {

namespace debate {

inline constexpr const char* kItem = "Ouverture du mariage aux couples de personnes de même sexe";

struct SpeechSpec {
  const char* speaker;
  const char* label;
  const char* role;
  std::string_view kind;
  const char* group;
  std::vector<std::string> headings;
  const char* amendment;
  const char* text;
  const char* direction;  // a stage direction inside `text`, or null
};

inline model::Clause speech(const SpeechSpec& s) {
  model::Clause c;
  c.kind = model::ClauseKind::kSpeech;
  c.text = s.text;
  c.speech.speaker = s.speaker;
  c.speech.speaker_label = s.label;
  c.speech.speaker_role = s.role;
  c.speech.speaker_kind = std::string(s.kind);
  c.speech.group = s.group;
  c.speech.headings = s.headings;
  c.speech.amendment = s.amendment;
  if (s.direction) {
    const std::size_t at = c.text.find(s.direction);
    c.speech.directions.push_back({at, at + std::string_view(s.direction).size()});
  }
  return c;
}

inline model::Document sitting(const std::string& id, const std::string& date,
                               const std::string& name, int of_day,
                               std::vector<std::string> presiding,
                               const std::vector<SpeechSpec>& speeches) {
  model::Document d;
  d.id = id;
  d.type = "compte rendu";
  d.institution = "Assemblée nationale";
  d.date = date;
  d.legislature = "14";
  d.title = "Assemblée nationale – " + name;
  d.sitting = name;
  d.sitting_of_day = of_day;
  d.presiding = std::move(presiding);
  for (const auto& s : speeches) {
    model::Clause c = speech(s);
    c.begin = d.text.empty() ? 0 : d.text.size() + 2;
    if (!d.text.empty()) d.text += "\n\n";
    d.text += c.text;
    c.end = d.text.size();
    d.clauses.push_back(std::move(c));
  }
  return d;
}

// First sitting: Claude Bartolone presides; Christiane Taubira (by name), a rapporteur,
// Julien Aubert on amendment 53, a collective interjection.
inline model::Document first_sitting() {
  using namespace model;
  const std::vector<std::string> item{kItem};
  const std::vector<std::string> article{kItem, "Discussion des articles", "Après l’article 1er"};
  return sitting(
      "CRSANR5L14S2013O1N120", "2013-01-29", "Première séance du mardi 29 janvier 2013", 1,
      {"Claude Bartolone"},
      {{"Claude Bartolone", "M. le président", "président de séance", kSpeakerChair, "", item,
        "",
        "La séance est ouverte. L’ordre du jour appelle la discussion du projet de loi ouvrant "
        "le mariage aux couples de personnes de même sexe.",
        nullptr},
       {"Christiane Taubira", "Mme Christiane Taubira", "garde des sceaux, ministre de la justice",
        kSpeakerGovernment, "", item, "",
        "Le mariage est une institution républicaine. (Applaudissements sur les bancs du groupe "
        "SRC.) Nous ouvrons le mariage à tous les couples.",
        "(Applaudissements sur les bancs du groupe SRC.)"},
       {"Erwan Binet", "M. Erwan Binet", "rapporteur de la commission des lois",
        kSpeakerRapporteur, "", item, "",
        "La commission des lois a adopté le texte sans en changer l’équilibre.", nullptr},
       {"Julien Aubert", "M. Julien Aubert", "", kSpeakerMember, "UMP", article, "53",
        "Je défends l’amendement n° 53, qui crée une clause de conscience pour les maires.",
        nullptr},
       {"", "Plusieurs députés du groupe UMP", "", kSpeakerGroup, "UMP", article, "53",
        "Très bien !", nullptr}});
}

// Second sitting, later: Laurence Dumont presides; the minister named by office.
inline model::Document second_sitting() {
  using namespace model;
  const std::vector<std::string> article{kItem, "Discussion des articles", "Article 1er"};
  return sitting(
      "CRSANR5L14S2013O1N130", "2013-02-01", "Deuxième séance du vendredi 1er février 2013", 2,
      {"Laurence Dumont"},
      {{"Laurence Dumont", "Mme la présidente", "présidente de séance", kSpeakerChair, "", article,
        "", "La parole est à Mme la garde des sceaux, pour donner l’avis du Gouvernement.",
        nullptr},
       {"Christiane Taubira", "Mme la garde des sceaux", "garde des sceaux, ministre de la justice",
        kSpeakerGovernment, "", article, "54",
        "Le Gouvernement est défavorable à cet amendement : le mariage reste civil.", nullptr},
       {"Julien Aubert", "M. Julien Aubert", "", kSpeakerMember, "UMP", article, "54",
        "Madame la garde des sceaux, la clause de conscience protège la liberté des maires.",
        nullptr}});
}

inline model::Document amendment(const std::string& id, const std::string& number,
                                 const std::string& legislature) {
  model::Document d;
  d.id = id;
  d.type = "amendement";
  d.institution = "Assemblée nationale";
  d.date = "2013-01-25";
  d.legislature = legislature;
  d.title = "Amendement n° " + number;
  model::Clause c;
  c.kind = model::ClauseKind::kExpose;
  c.text = "Cet amendement réécrit l’article 34 du code civil.";
  d.text = c.text;
  c.end = d.text.size();
  d.clauses.push_back(std::move(c));
  return d;
}

}  // namespace debate

// The two sittings and the amendments, indexed in `db`.
inline void index_debate(const std::string& db) {
  indexer::Indexer ix(db);
  ix.add(debate::first_sitting());
  ix.add(debate::second_sitting());
  ix.add(debate::amendment("AMANR5L14-53", "53", "14"));
  ix.add(debate::amendment("AMANR5L14-54", "54", "14"));
  ix.add(debate::amendment("AMANR5L14-54-bis", "54", "14"));
  ix.add(debate::amendment("AMANR5L13-53", "53", "13"));
  ix.commit();
}

class DebateIndex {
 public:
  DebateIndex() : db_(dir_.path() / "db") { index_debate(db_.string()); }
  std::string db() const { return db_.string(); }

 private:
  TempDir dir_;
  std::filesystem::path db_;
};

}  // namespace hemicycle::testing
