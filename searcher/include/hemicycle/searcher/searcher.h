#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/format/records.h"
#include "hemicycle/searcher/filter.h"

namespace hemicycle::searcher {

// A query the user must correct (unbalanced quote, unknown field …): CLI exit 2, HTTP 400.
// what() is the French message; code() the stable code of README.md's table.
class QueryError : public std::runtime_error {
 public:
  explicit QueryError(Notice notice)
      : std::runtime_error(notice.message), code_(std::move(notice.code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// An index that cannot be opened (missing, unreadable, not a Xapian database, a malformed
// tcp:// address): CLI exit 1, HTTP 503. The message names the database, as given.
class IndexUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// kDateDesc and kDateAsc: one chronological order over the documents that hold every word,
// then one over those that hold only some (counted apart); undated documents last in both.
enum class Sort { kRelevance, kDateDesc, kDateAsc };

// "relevance", "date:desc" (also "date"), "date:asc"; nullopt for anything else.
std::optional<Sort> sort_from_string(std::string_view name);
const char* sort_name(Sort sort);  // "relevance", "date:desc", "date:asc"
inline bool by_date(Sort sort) { return sort != Sort::kRelevance; }

struct SearchRequest {
  std::string query;
  // The query is being typed: its last word, unless a space follows, is also a prefix (the
  // index's words that start with it, kMaxExpansions at most, rank below the word itself).
  bool prefix_last = false;
  std::size_t limit = 10;
  std::size_t offset = 0;
  std::vector<FieldFilter> filters;  // from add_filter(); ANDed with the query
  Sort sort = Sort::kRelevance;
  bool group_by_document = true;     // false: one hit per clause
  // Grouped only: documents of the same text (schema::text_key(): spacing, punctuation and
  // quote typography aside) are one hit, the best-ranked, listing the others in
  // Hit::identical. false: each document is a hit of its own. Clause mode ignores it.
  bool distinct = true;
  std::optional<DateRange> date;     // from add_filter() or add_date_bounds(); none = any
  std::string document_id;           // only this document's clauses (e.g. its other matches)
  std::string similar_to;            // the documents like this one (as `similaire:ID`)
  std::vector<std::string> facets;   // fields to count; empty = all
  std::size_t facet_values = 10;     // values per facet, most frequent first
  // Look for spelling corrections (spelling.h): offered in SearchResult::suggestions, and the
  // best one searched when the query as typed finds nothing. false: the query as typed only.
  bool spell = true;
  // Thesaurus expansion: a word or phrase of the query that is a label of a concept also
  // matches the concept's other labels, ranked below it (SearchResult::expansions).
  bool expand = true;
  // Facets are multi-select: the counts of a field given in `filters` ignore that field's
  // own filter (the other values stay countable), as in Elasticsearch's post_filter.
};

// The request-level forms of add_filter() and add_date_bounds() (filter.h): an empty Notice
// or what is wrong.
inline Notice add_filter(std::string_view spec, SearchRequest& into) {
  return add_filter(spec, into.filters, into.date);
}
inline Notice add_date_bounds(std::string_view from, std::string_view to,
                              SearchRequest& into) {
  return add_date_bounds(from, to, into.date);
}

struct Range {
  std::size_t begin = 0;  // byte offsets
  std::size_t end = 0;
  bool operator==(const Range&) const = default;
};

// How a hit matched, best first.
enum class Tier {
  kKnownItem,           // the document the query names ("article 1240 code civil")
  kAllWordsInClause,    // one clause holds every word of the query
  kAllWordsInDocument,  // the words are spread over several clauses
  kSomeWords,           // some of the words
  kFilterOnly,          // the query has no words, only filters
  kSimilar,             // `similaire:ID` alone: a document like this one
};
const char* to_string(Tier tier);

// A document whose text is the same as a hit's (see SearchRequest::distinct).
struct IdenticalDocument {
  std::string document_id;
  std::string title;
  std::string date;
  std::vector<std::string> signatories;
};

// Who speaks in a speech clause (kind "speech"), as stored (format::StoredClause); empty
// for other kinds. `directions`: stage directions, byte ranges in the clause text.
struct SpeechFields {
  std::string speaker;        // "Christiane Taubira" (empty for a group)
  std::string speaker_label;  // as printed: "Mme la garde des sceaux"
  std::string speaker_role;   // as printed: "garde des sceaux, ministre de la justice"
  std::string speaker_kind;   // model::kSpeaker*: "gouvernement"
  std::string group;          // "UMP"
  std::vector<std::string> headings;  // agenda path, outermost first
  std::string amendment;      // "53" as printed
  std::string amendment_id;   // that amendment's document, when exactly one fits (display time)
  std::vector<Range> directions;
  bool empty() const { return speaker.empty() && speaker_label.empty(); }
};

struct Hit {
  std::string document_id;
  std::string title;
  std::string type;
  std::string institution;
  std::string date;
  std::string clause_id;
  std::string kind;
  std::string number;
  std::string text;                       // the whole clause
  std::vector<Range> highlights;          // matched words in `text`
  std::string snippet;                    // a fragment of `text` around the matches
  std::vector<Range> snippet_highlights;  // matched words in `snippet`; a speech's
                                          // snippet begins with "SPEAKER_LABEL : "
  SpeechFields speech;                    // a speech's speaker and place in the sitting
  double score = 0;
  std::size_t matching_clauses = 0;       // clauses of the document that match (grouped)
  Tier tier = Tier::kSomeWords;
  // With kSomeWords: the query's words and phrases (as typed, alternatives joined by OR)
  // that the document (grouped) or the clause does not hold.
  std::vector<std::string> missing;
  // With SearchRequest::distinct (grouped): the other documents of the same text that pass
  // the query's filters and exclusions, oldest first (then by id); the hit is not listed.
  std::vector<IdenticalDocument> identical;
};

// What the thesaurus added to a word or phrase of the query (SearchRequest::expand).
struct Expansion {
  std::string words;              // as typed ("SMIC", "salaires minimaux")
  std::vector<std::string> also;  // the labels it also matched ("salaire minimal", …)
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;  // documents, not clauses
};

struct Facet {
  std::string field;
  std::string label;
  std::vector<FacetCount> values;
};

struct SearchResult {
  std::string query;  // as typed
  // The query searched instead, when the one typed found nothing and a spelling correction
  // of it finds something (SearchRequest::spell); empty otherwise.
  std::string corrected;
  // Corrected queries offered ("Vouliez-vous dire…"), best first; `corrected` is not listed.
  std::vector<std::string> suggestions;
  // Documents (grouped) or clauses holding every word and phrase of the query (and passing
  // every filter); those holding only some are counted apart, in total_partial. Documents
  // of the same text each count, folded or not.
  std::size_t total = 0;
  std::size_t total_partial = 0;
  // With `distinct`: the distinct texts among every document matched (total and
  // total_partial), the folded hits there are to page through; otherwise total +
  // total_partial.
  std::size_t total_distinct = 0;
  std::size_t offset = 0;
  std::size_t limit = 0;
  bool grouped = true;
  bool distinct = false;  // identical texts were folded (grouped and SearchRequest::distinct)
  Sort sort = Sort::kRelevance;
  std::vector<Hit> hits;
  std::vector<Facet> facets;
  // What the facets count: the documents holding every word (false), or, when there is
  // none, those holding some (true).
  bool facets_partial = false;
  std::vector<Notice> notes;
  // The thesaurus' additions to the query's words, in the order of the query: what was
  // searched besides them (counted in total and total_partial). Empty with expand false.
  std::vector<Expansion> expansions;
  double took_ms = 0;
  bool timed_out = false;  // the match hit SearcherOptions::time_limit_seconds: partial
};

// A completion of the last word of a query, from the words of the index.
struct Suggestion {
  std::string word;       // the word as most often written ("ingérence")
  std::string query;      // the query with its last word completed
  std::size_t documents;  // documents holding the word (with remote shards: clauses)
};

// A speaker of the index (GET /api/speakers).
struct Speaker {
  std::string name;           // as printed: "Christiane Taubira"
  std::size_t speeches = 0;   // speech clauses with this speaker, exact
  std::string role;           // most common printed role of their latest speeches, or ""
  std::string kind;           // most common speaker_kind of their latest speeches
};

struct IndexInfo {
  std::size_t documents = 0;
  std::size_t clauses = 0;
  std::string last_commit;  // UTC "YYYY-MM-DDTHH:MM:SSZ" of the newest commit, if known
};

struct ClauseView {
  std::string id;
  std::size_t index = 0;
  std::string kind;
  std::string number;
  std::string lead;
  std::string text;
  SpeechFields speech;
};

struct DocumentView {
  std::string id;
  format::StoredDocument metadata;  // the document's metadata as indexed
  std::vector<ClauseView> clauses;
};

struct SearcherOptions {
  // Wall-clock bound on one search; past it Xapian returns what it has. 0 = none. Default 5 s.
  double time_limit_seconds = 5.0;
  // Keep every document's facets, and each clause's document and kind, in memory (read at
  // open and again when the index changes): facet counts over many matches then cost array
  // lookups. Ignored with remote shards. Default: on.
  bool facet_table = true;
};

// Answers ranked queries over one or more databases searched as one: local paths, or
// "tcp://HOST:PORT" for a remote xapian-tcpsrv shard (facet counts need local shards).
// When a writer commits while a query runs (Xapian::DatabaseModifiedError), the databases
// are reopened (with the facet table) and the call is tried again, up to ten times.
// Not thread-safe (it owns an analyzer and database handles): use one per thread.
class Searcher {
 public:
  // Throws IndexUnavailable with a readable message if a database cannot be opened.
  explicit Searcher(const std::vector<std::string>& databases, SearcherOptions options = {});
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Throws QueryError for a malformed query or filter; Xapian::Error for index failures.
  SearchResult search(const SearchRequest& request);
  // The whole document, or nullopt for an unknown id.
  std::optional<DocumentView> document(const std::string& id);
  // Completions of the last word of `query` (at least 2 letters), most frequent first.
  std::vector<Suggestion> suggest(const std::string& query, std::size_t limit = 10);
  // The speakers with a word of their name (folded) starting with `prefix` (folded; empty:
  // every speaker), most speeches first, then by name; `limit` at most.
  std::vector<Speaker> speakers(const std::string& prefix, std::size_t limit = 10);
  // What the index holds.
  IndexInfo info();
  // Sees the latest commit of every database. Returns true if anything changed.
  // Throws Xapian::Error if a database became unreadable.
  bool reopen();
  // Number of source documents indexed (summaries).
  std::size_t document_count();

 private:
  SearchResult search_once(const SearchRequest& request);
  std::optional<DocumentView> document_once(const std::string& id);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hemicycle::searcher
