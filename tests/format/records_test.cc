// The stored records (format/records.h): the writer's encoding and the searcher's decoding
// agree, the keys are those the API shows, and damaged records are refused.

#include "hemicycle/format/records.h"

#include <catch2/catch.hpp>

using hemicycle::format::StoredClause;
using hemicycle::format::StoredDocument;

namespace {

StoredDocument amendment() {
  StoredDocument d;
  d.id = "AMANR5L17PO59051B0324P0D1N000012";
  d.title = "Amendement n° CL12";
  d.type = "amendement";
  d.institution = "Assemblée nationale";
  d.date = "2025-02-11";
  d.signatories = {"Julien Aubert", "Marie Dupont"};
  d.outcome = "Rejeté";
  d.line = 42;
  d.territories = {"Nouvelle-Calédonie"};
  d.extras = {{"numero", "CL12"}};
  d.clauses = 3;
  d.text_bytes = 812;
  return d;
}

}  // namespace

TEST_CASE("a clause record: golden string, and back", "[format]") {
  const StoredClause c{7, "article", "7", "Condamne", "Condamne les ingérences étrangères."};
  const std::string json = hemicycle::format::encode(c);
  CHECK(json ==
        R"({"index":7,"kind":"article","number":"7","lead":"Condamne",)"
        R"("text":"Condamne les ingérences étrangères."})");
  StoredClause back;
  REQUIRE(hemicycle::format::decode(json, &back));
  CHECK(back.index == 7);
  CHECK(back.kind == "article");
  CHECK(back.number == "7");
  CHECK(back.lead == "Condamne");
  CHECK(back.text == c.text);
}

TEST_CASE("a clause without number or lead leaves them out", "[format]") {
  const std::string json = hemicycle::format::encode(StoredClause{1, "visa", "", "", "Vu le traité,"});
  CHECK(json == R"({"index":1,"kind":"visa","text":"Vu le traité,"})");
}

TEST_CASE("a document record: golden string, and back", "[format]") {
  const std::string json = hemicycle::format::encode(amendment());
  CHECK(json ==
        R"({"id":"AMANR5L17PO59051B0324P0D1N000012","title":"Amendement n° CL12",)"
        R"("type":"amendement","institution":"Assemblée nationale","date":"2025-02-11",)"
        R"("signatories":["Julien Aubert","Marie Dupont"],"outcome":"Rejeté","line":42,)"
        R"("territories":["Nouvelle-Calédonie"],"extras":{"numero":"CL12"},)"
        R"("clauses":3,"text_bytes":812})");
  StoredDocument back;
  REQUIRE(hemicycle::format::decode(json, &back));
  CHECK(hemicycle::format::encode(back) == json);
  CHECK(back.signatories.size() == 2);
  CHECK(back.extras.front().second == "CL12");
}

TEST_CASE("display fields follow the record's order, lists joined", "[format]") {
  const auto fields = hemicycle::format::display_fields(amendment());
  REQUIRE(fields.size() == 12);
  CHECK(fields[0] == std::pair<std::string, std::string>{"id", "AMANR5L17PO59051B0324P0D1N000012"});
  CHECK(fields[5] == std::pair<std::string, std::string>{"signatories", "Julien Aubert; Marie Dupont"});
  CHECK(fields[9] == std::pair<std::string, std::string>{"numero", "CL12"});
  CHECK(fields[11] == std::pair<std::string, std::string>{"text_bytes", "812"});
}

TEST_CASE("damaged records are refused, wrong types ignored", "[format]") {
  StoredClause c;
  CHECK_FALSE(hemicycle::format::decode("", &c));
  CHECK_FALSE(hemicycle::format::decode("[1,2]", &c));
  CHECK_FALSE(hemicycle::format::decode(R"({"index":1,"kind":"vi)", &c));
  StoredDocument d;
  REQUIRE(hemicycle::format::decode(R"({"id":"X","clauses":"many","signatories":[1,"A"]})", &d));
  CHECK(d.id == "X");
  CHECK(d.clauses == 0);
  CHECK(d.signatories == std::vector<std::string>{"A"});
}

TEST_CASE("a speech record: golden string, and back", "[format][speech]") {
  StoredClause c;
  c.index = 4;
  c.kind = "speech";
  c.text = "Je vous remercie. (Applaudissements.) Voilà.";
  c.speaker = "Christiane Taubira";
  c.speaker_label = "Mme la garde des sceaux";
  c.speaker_role = "garde des sceaux, ministre de la justice";
  c.speaker_kind = "gouvernement";
  c.headings = {"Mariage", "Discussion des articles"};
  c.amendment = "53";
  c.directions = {{18, 37}};
  const std::string json = hemicycle::format::encode(c);
  CHECK(json ==
        R"({"index":4,"kind":"speech","text":"Je vous remercie. (Applaudissements.) Voilà.",)"
        R"("speaker":"Christiane Taubira","speaker_label":"Mme la garde des sceaux",)"
        R"("speaker_role":"garde des sceaux, ministre de la justice",)"
        R"("speaker_kind":"gouvernement","headings":["Mariage","Discussion des articles"],)"
        R"("amendment":"53","directions":[[18,37]]})");
  StoredClause back;
  REQUIRE(hemicycle::format::decode(json, &back));
  CHECK(back.speaker == c.speaker);
  CHECK(back.speaker_label == c.speaker_label);
  CHECK(back.speaker_role == c.speaker_role);
  CHECK(back.speaker_kind == c.speaker_kind);
  CHECK(back.group.empty());
  CHECK(back.headings == c.headings);
  CHECK(back.amendment == "53");
  CHECK(back.directions == c.directions);
}

TEST_CASE("a sitting record: sitting, rank and presiding, and back", "[format][speech]") {
  StoredDocument d;
  d.id = "CRSANR5L14S2013O1N120";
  d.sitting = "Troisième séance du mardi 29 janvier 2013";
  d.sitting_of_day = 3;
  d.presiding = {"Claude Bartolone", "Christophe Sirugue"};
  const std::string json = hemicycle::format::encode(d);
  CHECK(json == R"({"id":"CRSANR5L14S2013O1N120",)"
                R"("sitting":"Troisième séance du mardi 29 janvier 2013","sitting_of_day":3,)"
                R"("presiding":["Claude Bartolone","Christophe Sirugue"],"clauses":0,"text_bytes":0})");
  StoredDocument back;
  REQUIRE(hemicycle::format::decode(json, &back));
  CHECK(back.sitting == d.sitting);
  CHECK(back.sitting_of_day == 3);
  CHECK(back.presiding == d.presiding);
  d.sitting_of_day = 0;
  CHECK(hemicycle::format::encode(d).find("sitting_of_day") == std::string::npos);
}
