#include "hemicycle/indexer/indexer.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <xapian.h>

#include "hemicycle/corpus/segmenter.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/format/store.h"
#include "support.h"

namespace schema = hemicycle::format::schema;
using hemicycle::model::Document;
using hemicycle::indexer::Indexer;
using hemicycle::testing::TempDir;

namespace {

Document make_doc(const std::string& id, const std::string& text) {
  Document d;
  d.id = id;
  d.type = "amendement";
  d.institution = "Assemblée nationale";
  d.date = "2024-11-22";
  d.signatories = {"Dupont"};
  d.text = text;
  hemicycle::corpus::segment(d);
  return d;
}

const char* kText =
    "ARTICLE UNIQUE\n\nSupprimer l’alinéa 3.\n\nEXPOSÉ SOMMAIRE\n\n"
    "La Nouvelle-Calédonie subit des ingérences étrangères.";

}  // namespace

TEST_CASE("a document becomes one Xapian document per clause plus a summary", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir.path() / "db").string();
  Document d = make_doc("AM-1", kText);
  REQUIRE(d.clauses.size() == 3);  // target, dispositif, exposé
  {
    Indexer ix(db_path);
    ix.add(d);
    ix.commit();
    CHECK(ix.stats().documents == 1);
    CHECK(ix.stats().clauses == 3);
  }
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 4);
  CHECK(db.get_termfreq("XDOCAM-1") == 4);
  CHECK(db.get_termfreq(std::string(schema::kSummaryTerm)) == 1);
  CHECK(db.get_termfreq("QAM-1") == 1);
  // Document facets are boolean terms of the summary only; clauses carry their kind.
  CHECK(db.get_termfreq("XINSTassemblee nationale") == 1);
  CHECK(db.get_termfreq("XKexpose") == 2);  // the exposé clause and the summary
  CHECK(db.get_termfreq("XYEAR2024") == 1);
  CHECK(db.get_termfreq("XSIGNdupont") == 1);
  // Words are on the clauses only: the summary holds none (only prefixed terms).
  CHECK(db.get_termfreq("caledon") == 1);
  {
    Xapian::docid summary_id = *db.postlist_begin("QAM-1");
    for (auto t = db.termlist_begin(summary_id); t != db.termlist_end(summary_id); ++t) {
      INFO(*t);
      CHECK(std::isupper(static_cast<unsigned char>((*t)[0])));
    }
  }
  CHECK(db.get_termfreq("XCLAUSE") == 3);
  // The summary comes first, its clauses right after it (the searcher relies on it).
  Xapian::docid summary = *db.postlist_begin("QAM-1");
  CHECK(db.get_document(summary).get_value(schema::kSlotClauses) == "3");
  Xapian::docid exposé = summary + 3;
  // Words carry positions, for phrases.
  CHECK(db.positionlist_begin(exposé, "nouvel") != db.positionlist_end(exposé, "nouvel"));
  Xapian::Document doc = db.get_document(exposé);
  CHECK(doc.get_value(schema::kSlotDate) == "2024-11-22");
  CHECK(doc.get_value(schema::kSlotDocId) == "AM-1");
  CHECK(doc.get_value(schema::kSlotKind) == "expose");
  CHECK(doc.get_value(schema::kSlotFacets).empty());
  std::string stored;
  hemicycle::format::store::Unpacker unpacker;
  unpacker.load(db);
  REQUIRE(unpacker.unpack(doc.get_value(schema::kSlotStored), &stored));
  CHECK(stored.find("\"kind\":\"expose\"") != std::string::npos);
}

TEST_CASE("re-indexing replaces, delete removes, in this run and the next", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir.path() / "db").string();
  {
    Indexer ix(db_path);
    ix.add(make_doc("AM-1", kText));
    ix.add(make_doc("AM-2", kText));
    ix.add(make_doc("AM-1", kText));  // the same id twice in one run
  }
  CHECK(Xapian::Database(db_path).get_doccount() == 8);
  {
    Indexer ix(db_path);  // a second run on a non-empty database
    ix.add(make_doc("AM-2", "ARTICLE PREMIER\n\nRédiger ainsi cet article."));
  }
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 4 + 3);  // AM-1: 4, AM-2 now 2 clauses + summary
  CHECK(db.get_termfreq("XDOCAM-2") == 3);
  {
    Indexer ix(db_path);
    CHECK(ix.remove("AM-1"));
    CHECK_FALSE(ix.remove("NOPE"));
  }
  db.reopen();
  CHECK(db.get_doccount() == 3);
  CHECK(db.get_termfreq("XDOCAM-1") == 0);
}

TEST_CASE("uncommitted changes are invisible; commits are batched", "[indexer]") {
  TempDir dir;
  const std::string db_path = (dir.path() / "db").string();
  hemicycle::indexer::IndexerOptions options;
  options.batch_documents = 2;
  Indexer ix(db_path, options);
  ix.add(make_doc("AM-1", kText));
  CHECK(Xapian::Database(db_path).get_doccount() == 0);  // not committed yet
  ix.add(make_doc("AM-2", kText));                          // second document: a commit
  CHECK(Xapian::Database(db_path).get_doccount() == 8);
  ix.add(make_doc("AM-3", kText));
  CHECK(Xapian::Database(db_path).get_doccount() == 8);
  ix.commit();
  CHECK(Xapian::Database(db_path).get_doccount() == 12);
}

TEST_CASE("schema facet encoding round-trips", "[indexer]") {
  schema::FacetList f = {{"type", "résolution européenne"}, {"territory", "Outre-mer"}};
  CHECK(schema::decode_facets(schema::encode_facets(f)) == f);
  CHECK(schema::decode_facets("").empty());
  CHECK(schema::facet_term(*schema::find_field("territory"), "Nouvelle-Calédonie") ==
        "XTERRnouvelle-caledonie");
  CHECK(schema::find_field("nope") == nullptr);
  CHECK(schema::clause_id("doc", 7) == "doc#7");
}

TEST_CASE("wdf is normalised by length at index time", "[indexer][ranking]") {
  using schema::normalized_wdf;
  const double pivot = schema::kClauseLengthPivot;
  // At the pivot length, the count times the scale.
  CHECK(normalized_wdf(1, 20, pivot) == 32);
  CHECK(normalized_wdf(3, 20, pivot) == 96);
  // Shorter units weigh more, down to half the pivot; longer ones less; never 0.
  CHECK(normalized_wdf(1, 10, pivot) > normalized_wdf(1, 20, pivot));
  CHECK(normalized_wdf(1, 1, pivot) == normalized_wdf(1, 10, pivot));
  CHECK(normalized_wdf(1, 200, pivot) < normalized_wdf(1, 40, pivot));
  CHECK(normalized_wdf(1, 100000000, pivot) >= 1);
}
