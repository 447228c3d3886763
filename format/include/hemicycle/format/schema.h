#pragma once

// The index layout shared by the indexer and the searcher: term prefixes, value slots and
// the searchable fields. Follows Omega's conventions (docs/termprefixes.rst): terms never
// start with a capital, so any capital is a prefix; "Q" is the unique id, "X…" our own.
//
// One source document becomes, in this order (consecutive Xapian docids in one database,
// which the searcher relies on to filter clauses by their document's facets):
//   - one "summary" Xapian document: the document's facet terms (type, institution, year,
//     territory, country, cites, signatory, outcome, legislature) and the kinds of its
//     clauses, the key of its text (kTextPrefix + text_key(), for folding identical
//     documents), its facet display values, clause count and text key as values, and its
//     metadata as stored JSON. It answers `--document ID` and carries the facets. It holds no words:
//     a document whose words are spread over several clauses is found from its clauses
//     (an earlier layout repeated every word of the document here: 40 % of all the word
//     entries, for one ranking tier);
//   - one Xapian document per clause: its words (unprefixed, with positions), its kind,
//     kDocPrefix + document id, the date, document id, order, kind and its document's text
//     key (kSlotText, the collapse key of identical texts) as values, and the clause as
//     stored JSON. Document-level facets are *not* repeated on clauses (they would
//     multiply the index size by the number of clauses).
// What identifies a document is on its summary too, for known-item search (`titre:`,
// `numero:`, "article 1240 code civil", "amendement n° CL2"): the words of its title with
// positions under kTitlePrefix ("S", Omega's title prefix), its own number (the article
// number of a code article, the n° of an amendment or a text, read from the title by
// corpus::identify()) as the boolean term kNumberPrefix + number_value(), an amendment's
// target article as kTargetPrefix + number_value() (wdf 1: it ranks, it does not filter),
// and, as before, kUniquePrefix + id.
// Each clause carries the legal references it cites (corpus/references.h: the values, as
// the summary's `cites` facet has them, and their details, the alinéa or the date named)
// as reference_term()s, with the wdf of one word of the clause: a reference typed in a
// query matches the clauses citing it in whatever form the extractor reads, and ranks
// among the words.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace hemicycle::format::schema {

inline constexpr std::string_view kUniquePrefix = "Q";      // "Q" + document id (summary)
inline constexpr std::string_view kDocPrefix = "XDOC";      // every Xapian doc of a document
inline constexpr std::string_view kSummaryTerm = "XSUMMARY";  // marks summary documents
inline constexpr std::string_view kClauseTerm = "XCLAUSE";    // marks clause documents
inline constexpr std::string_view kSourcePrefix = "XSRC";   // summary: the file it came from
inline constexpr std::string_view kTitlePrefix = "S";       // summary: its title's words
inline constexpr std::string_view kNumberPrefix = "XNUM";   // summary: its own number
inline constexpr std::string_view kTargetPrefix = "XTGT";   // summary: amendment's article
inline constexpr std::string_view kTextPrefix = "XTXT";     // summary: text_key(), see below
inline constexpr std::string_view kReferencePrefix = "XR";  // clause: a reference it cites

// Metadata key prefix of the lexicon for search-as-you-type: "XF" + a folded word (as the
// analyzers' fold() gives it) -> that word as it is usually written. Counts come from the
// postings of the word's stem, so they stay exact through deletions.
inline constexpr std::string_view kSuggestPrefix = "XF";
// Metadata key prefix of the speakers' names: kSpeakerNameKey + a speaker's term (the
// field `speaker`: "XSPKchristiane taubira") -> the name as printed ("Christiane Taubira").
// Counts come from the terms' postings (GET /api/speakers), so they stay exact.
inline constexpr std::string_view kSpeakerNameKey = "hemicycle:speaker:";
// Database metadata key: UTC time of the last commit, "YYYY-MM-DDTHH:MM:SSZ".
inline constexpr std::string_view kLastCommitKey = "hemicycle:last_commit";

// Value slots.
inline constexpr Xapian::valueno kSlotDate = 0;    // "YYYY-MM-DD" (sorts as a string)
inline constexpr Xapian::valueno kSlotDocId = 1;   // document id (collapse key)
inline constexpr Xapian::valueno kSlotOrder = 2;   // clause index, sortable_serialise
inline constexpr Xapian::valueno kSlotFacets = 3;  // summary: facets, see encode_facets()
inline constexpr Xapian::valueno kSlotKind = 4;    // clause kind name; on a summary, the kinds
                                                   // of its clauses joined by '\x1E'
inline constexpr Xapian::valueno kSlotClauses = 5;  // summary: number of clauses (decimal)
inline constexpr Xapian::valueno kSlotHash = 6;     // summary: content hash (16 hex digits)
inline constexpr Xapian::valueno kSlotStored = 7;   // the JSON shown for it, compressed: see
                                                    // store.h (summary: the document's
                                                    // metadata; clause: kind, number, text)
inline constexpr Xapian::valueno kSlotText = 8;     // summary and clauses: text_key() of the
                                                    // document (collapse key of identical
                                                    // texts)

// Ranking: BM25 (k1 = 1, b = 0.5, as Xapian's defaults), with the length normalisation done
// at index time. A word's wdf is not its count tf but
//     round(kWdfScale * tf / ((1 - b) + b * max(length / pivot, 0.5)))
// (length: the words of the clause; pivot: kClauseLengthPivot, about the bulk corpus's
// average), and the searcher ranks with bm25_weight(): BM25 with b = 0 and k1 * kWdfScale,
// which then gives the same order as BM25 with b = 0.5 on the raw counts. Why: Xapian
// fetches the length of every candidate document from a list it decodes linearly, which
// made a top 10 cost ~0.4 us per matching clause (0.40 ms for a word in 939 clauses;
// 0.023 ms this way).
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLength = 0.5;
inline constexpr double kWdfScale = 32.0;  // wdfs of ordinary clauses stay under 128: 1 byte
inline constexpr double kClauseLengthPivot = 20.0;  // words of a clause, on average
// The wdf to store for `count` occurrences in a unit of `length` words.
Xapian::termcount normalized_wdf(Xapian::termcount count, std::size_t length, double pivot);
// The weighting the searcher ranks with (see above).
Xapian::BM25Weight bm25_weight();

// Longest term Xapian accepts is 245 bytes; longer words are not indexed.
inline constexpr std::size_t kMaxTermBytes = 240;

// A searchable field: `name:value` in queries, `--filter name:value`, a facet.
struct Field {
  std::string_view name;         // "territory"
  std::string_view prefix;       // "XTERR"
  bool clause_level;             // kind and the speech fields (speaker, speaker_role,
                                 // group): they describe a clause, not a document
  std::string_view label;        // French label for people: "Territoire"
};

// All fields, in the order facets are shown.
const std::vector<Field>& fields();
// The field of that name, or nullptr.
const Field* find_field(std::string_view name);

// The fields of the query language that are not facets: `title` (the words of the title,
// kTitlePrefix) and `number` (the document's own number, kNumberPrefix).
const std::vector<Field>& identity_fields();
// The field a query names, facets first, then the identity fields under their names and
// French aliases (`titre`, `numero`, `numéro`; any case); nullptr if none.
const Field* find_query_field(std::string_view name);

// A document's number in the one form the writer and the searcher compare: folded, without
// spaces, dots or "n°", "1er" and "premier" as "1", so that "L. 1114-1" and "l1114-1",
// "CL2" and "cl2", "3 bis" and "3bis", "1er" and "premier" meet. Empty if nothing is left.
std::string number_value(std::string_view number);
// prefix + number_value(number), bounded; empty when the number is.
std::string number_term(std::string_view prefix, std::string_view number);

// The boolean term for a field value: prefix + folded value (fold() of the analyzers).
// Years, legislatures and kinds are used as given after folding.
std::string facet_term(const Field& field, std::string_view value);

// prefix + value as one boolean term. A term longer than kMaxTermBytes keeps its first
// kMaxTermBytes - 17 bytes and ends with '#' and 16 hex digits of a 64-bit FNV-1a hash of the
// whole term, so that long ids and paths stay distinct terms Xapian accepts (the id itself
// is kept whole in the values and the stored record). Writer and searcher both use it.
std::string bounded_term(std::string_view prefix, std::string_view value);

// The key of a document's text for folding identical documents: 16 hex digits of a 64-bit
// FNV-1a hash of analyzers::identity_text(text) (spacing, punctuation and quote typography
// do not count; letters, digits, case and accents do). A text with no letter or digit is
// keyed by its document id instead ("\x01" + id hashed), so that it is identical to none.
// Carried as the summary's term kTextPrefix + key and as kSlotText on the summary and on
// every clause. Not to be confused with kSlotHash (the content hash of incremental updates).
std::string text_key(std::string_view text, std::string_view document_id);
// The number a text_key() stands for (0 for anything that is not 16 hex digits).
std::uint64_t text_key_value(std::string_view key);
// kTextPrefix + the key of `value` (as text_key() writes it).
std::string text_term(std::uint64_t value);

// kReferencePrefix + a normalised reference ("code civil art. 1240"), bounded.
std::string reference_term(std::string_view reference);

// Clause id as shown to users: "<document id>#<1-based clause index>".
std::string clause_id(std::string_view document_id, std::size_t index);

// Facet values of one document, as carried in kSlotFacets: "field\x1Fvalue" records joined
// by '\x1E'. Display forms are kept (accents, capitals).
using FacetList = std::vector<std::pair<std::string, std::string>>;
std::string encode_facets(const FacetList& facets);
FacetList decode_facets(std::string_view blob);

}  // namespace hemicycle::format::schema
