// The one form of a document's number, shared by the writer and the searcher.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hemicycle/format/schema.h"

namespace schema = hemicycle::format::schema;

TEST_CASE("numbers compare in one form", "[format][schema]") {
  struct Case {
    std::string number;
    std::string value;
  };
  const std::vector<Case> cases = {
      {"515-14", "515-14"},     {"L. 1114-1", "l1114-1"}, {"L.1114-1", "l1114-1"},
      {"l1114-1", "l1114-1"},   {"CL2", "cl2"},           {"II-CF1", "ii-cf1"},
      {"1er", "1"},             {"PREMIER", "1"},         {"première", "1"},
      {"3 bis", "3bis"},        {"4 BIS", "4bis"},        {"1er bis", "1bis"},
      {"n° 180", "180"},        {"n°180", "180"},         {"R* 12", "r*12"},
      {"2024/1689", "2024/1689"}, {"  ", ""},             {"-", "-"},
      {"numéro", "numero"},     {"ter", "ter"},
  };
  for (const auto& c : cases) {
    INFO(c.number);
    CHECK(schema::number_value(c.number) == c.value);
  }
  CHECK(schema::number_term(schema::kNumberPrefix, "CL2") == "XNUMcl2");
  CHECK(schema::number_term(schema::kNumberPrefix, " ").empty());
}

TEST_CASE("query fields: facets, then the title and the number under their names",
          "[format][schema]") {
  struct Case {
    std::string name;
    std::string field;  // "" for none
  };
  const std::vector<Case> cases = {
      {"type", "type"},     {"titre", "title"},   {"title", "title"},  {"TITRE", "title"},
      {"numero", "number"}, {"numéro", "number"}, {"NUMÉRO", "number"}, {"number", "number"},
      {"couleur", ""},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const schema::Field* f = schema::find_query_field(c.name);
    CHECK((f ? std::string(f->name) : std::string()) == c.field);
  }
  // Not facets.
  CHECK(schema::find_field("title") == nullptr);
  CHECK(schema::find_field("number") == nullptr);
}
