// The stored JSON of clauses and summaries: zstd frames, with a dictionary trained on the
// first clauses of an index (indexer/include/hemicycle/format/store.h).

#include "hemicycle/format/store.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <xapian.h>

#include "hemicycle/format/schema.h"
#include "support.h"

namespace schema = hemicycle::format::schema;
namespace store = hemicycle::format::store;
using hemicycle::testing::TempDir;

namespace {

const std::string kIndex = std::string(HEMICYCLE_BINARY_DIR) + "/indexer/hemicycle-index";

// Sentences in the style of amendments, combined differently for each document.
const char* kSentences[] = {
    "Après l’alinéa %d, insérer l’alinéa suivant : « Les collectivités d’outre-mer sont "
    "consultées sur tout projet de réforme les concernant. »",
    "Supprimer les mots : « dans un délai de %d mois ».",
    "Cet amendement vise à renforcer la lutte contre les ingérences étrangères, qui ont visé "
    "la Nouvelle-Calédonie à %d reprises selon le rapport de la commission.",
    "À la première phrase de l’alinéa %d, substituer au mot : « peut » le mot : « doit ».",
    "Le Gouvernement remet au Parlement, dans un délai de %d mois à compter de la "
    "promulgation de la présente loi, un rapport évaluant l’application de l’article 88-4 de "
    "la Constitution.",
    "Les auteurs de cet amendement souhaitent que l’État garantisse l’égal accès des "
    "habitants de Mayotte, de la Guyane et de La Réunion aux soins, %d ans après la loi.",
    "Compléter cet article par l’alinéa suivant : « Un décret en Conseil d’État précise les "
    "modalités d’application du présent article, notamment le seuil de %d habitants. »",
    "Il est proposé de revenir à la rédaction adoptée par le Sénat en première lecture, qui "
    "prévoyait une entrée en vigueur au %d janvier.",
};

std::string text_of(int i) {
  std::string text = "ARTICLE " + std::to_string(i % 40 + 1) + "\\n\\n";
  char buf[512];
  for (int k = 0; k < 3; ++k) {
    std::snprintf(buf, sizeof buf, kSentences[(i * 7 + k * 3) % 8], i % 97 + k);
    text += buf;
    text += " ";
  }
  text += "\\n\\nEXPOSÉ SOMMAIRE\\n\\n";
  for (int k = 0; k < 4; ++k) {
    std::snprintf(buf, sizeof buf, kSentences[(i * 5 + k) % 8], i + k);
    text += buf;
    text += " ";
  }
  return text;
}

void write_amendments(const std::string& path, int first, int count) {
  std::ofstream out(path);
  for (int i = first; i < first + count; ++i) {
    out << "{\"id\":\"AM-" << i << "\",\"type\":\"amendement\",\"date\":\"2024-11-22\","
        << "\"signataires\":\"M. Dupont, Mme Leblanc et M. Martin\",\"text\":\"" << text_of(i)
        << "\"}\n";
  }
}

std::vector<std::string> dictionary_keys(const Xapian::Database& db) {
  std::vector<std::string> keys;
  const std::string prefix(store::kDictionaryPrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    keys.push_back(*k);
  }
  return keys;
}

}  // namespace

TEST_CASE("a payload packed without a dictionary unpacks as it was", "[indexer][store]") {
  store::Packer packer;
  store::Unpacker unpacker;
  CHECK_FALSE(packer.has_dictionary());
  for (const std::string& payload :
       {std::string("{\"index\":1,\"kind\":\"visa\",\"text\":\"Vu l’article 88-4 de la "
                    "Constitution,\"}"),
        std::string(), std::string(3000, 'a')}) {
    const std::string frame = packer.pack(payload);
    CHECK(frame != payload);
    std::string out = "garbage";
    REQUIRE(unpacker.unpack(frame, &out));
    CHECK(out == payload);
  }
  std::string out;
  CHECK_FALSE(unpacker.unpack("not a zstd frame", &out));
  CHECK_FALSE(packer.take_trained());  // far from enough samples
}

TEST_CASE("the indexer trains a dictionary, stores it, and every frame decodes",
          "[indexer][store][cli]") {
  TempDir dir;
  const std::string input = (dir.path() / "many.jsonl").string();
  const std::string db_path = (dir.path() / "db").string();
  // ~11 MB of clause JSON: each of the two parts of a new index passes kSampleBytes.
  constexpr int kDocuments = 9000;
  write_amendments(input, 0, kDocuments);
  REQUIRE(std::system((kIndex + " --quiet --db " + db_path + " " + input).c_str()) == 0);

  Xapian::Database db(db_path);
  REQUIRE(db.get_termfreq(std::string(schema::kSummaryTerm)) == kDocuments);
  // Each part trained its own; the merge kept both, and the current one is among them.
  const auto keys = dictionary_keys(db);
  CHECK(keys.size() == 2);
  const std::string current = db.get_metadata(std::string(store::kCurrentDictionaryKey));
  CHECK(std::find(keys.begin(), keys.end(), std::string(store::kDictionaryPrefix) + current) !=
        keys.end());

  store::Unpacker without, with;
  with.load(db);
  std::size_t raw = 0, packed = 0, needing = 0, undecodable_without = 0;
  for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
    const Xapian::Document doc = db.get_document(d);
    const std::string frame = doc.get_value(schema::kSlotStored);
    REQUIRE(!frame.empty());
    CHECK(doc.get_data().empty());  // nothing left in the document data
    std::string json;
    REQUIRE(with.unpack(frame, &json));
    CHECK(json.front() == '{');
    CHECK(json.back() == '}');
    std::string ignored;
    if (!without.unpack(frame, &ignored)) {
      ++undecodable_without;
      raw += json.size();
      packed += frame.size();
    } else {
      CHECK(ignored == json);
    }
    ++needing;
  }
  // The frames written after each part's first kSampleBytes (a third of them here) need a
  // dictionary, and gain from it.
  CHECK(undecodable_without > needing / 4);
  CHECK(packed * 3 < raw);

  SECTION("an update compresses with the index's dictionary, training none") {
    const std::string more = (dir.path() / "more.jsonl").string();
    write_amendments(more, kDocuments, 200);
    REQUIRE(std::system((kIndex + " --quiet --db " + db_path + " " + more).c_str()) == 0);
    Xapian::Database after(db_path);
    CHECK(dictionary_keys(after) == keys);
    const Xapian::docid last = after.get_lastdocid();
    const std::string frame = after.get_document(last).get_value(schema::kSlotStored);
    std::string json;
    CHECK_FALSE(without.unpack(frame, &json));  // it names a dictionary
    store::Unpacker fresh;
    fresh.load(after);
    REQUIRE(fresh.unpack(frame, &json));
    CHECK(json.find("\"text\"") != std::string::npos);
  }
}
