#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/searcher/filter.h"

namespace hemicycle::searcher {

// Where an alternative of a unit comes from: typed, or added by the searcher to what was
// typed (a spelling correction, a prefix's or a wildcard's words, a thesaurus label, a
// legal reference's term, a similar document's terms). Only typed items are shown back to
// the user as the query's words ("Il manque : « … »").
enum class Origin { kTyped, kCorrection, kPrefix, kWildcard, kThesaurus, kReference, kSimilar };

// One word or "phrase" of a query, analysed with the shared French chain.
struct QueryItem {
  std::string text;                       // as typed (without quotes or sign)
  std::vector<analyzers::Token> tokens;   // its terms; more than one means a phrase
  bool quoted = false;                    // typed between quotes
  Origin origin = Origin::kTyped;
  // Below 1: the item ranks below the words as typed (its query's weights are scaled).
  double weight = 1.0;
  // Byte offset of `text` in the query, for a bare word (spelling corrections rewrite it).
  static constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);
  std::size_t offset = kNoOffset;
};

// A known item the query names ("article 1240 code civil", "amendement n° CL2", a document
// id): the documents whose summary holds every one of `terms` (their number, words of their
// title, or their id; schema.h) rank before every other match.
struct KnownItem {
  std::string form;                 // the words that name it, as typed
  std::vector<std::string> terms;   // summary terms a known document holds, all of them
  std::vector<std::string> boosts;  // summary terms that rank among them (target article)
};

// The parsed form of the query language:
//   words            each must appear for the best ranks; documents with some rank lower
//   "a phrase"       consecutive words (also « … » and “ … ”)
//   a OR b           either one (a OU b: OU, ET, SAUF, NON in capitals between words are
//                    OR, AND, NOT, NOT; at the start of the query they are words)
//   -word, -"…"      documents where it appears are excluded (NOT word, SAUF word too)
//   word*            the words of the index that start with it (an item of origin
//                    kWildcard until expand_prefixes() replaces it by its completions)
//   field:value      facet filter; field:"two words"; -field:value excludes
//   date:2024-01-01..2025-03-31   date range (YYYY, YYYY-MM or YYYY-MM-DD; open ends allowed)
//   titre:mots, numero:CL2        a document's title words, its own number (filters)
//   similaire:ID     the documents like this one ("more like this"; also similar:ID)
// and, recognised among the words, the known items they name (KnownItem).
struct ParsedQuery {
  // Positive units: each unit is a list of alternatives joined by OR.
  std::vector<std::vector<QueryItem>> units;
  std::vector<QueryItem> excluded;
  std::vector<FieldFilter> filters;
  std::vector<KnownItem> known;  // the known-item forms found among the words (most: none)
  std::optional<DateRange> date;
  std::string document_id;         // restrict to this document's clauses (empty: all)
  // `similaire:ID`: the documents like this one (its characteristic words, one unit added
  // by the searcher; the document itself left out). Empty: none.
  std::string similar_to;
  std::vector<Notice> notes;  // non-fatal remarks (only_stop_words: « de la »)
  Notice error;               // set when the query is malformed

  bool ok() const { return error.empty(); }
};

// The bound on a query's cost, whatever reaches the parser (the CLI has no size cap; the
// server's is in bytes): the terms of every word and phrase, excluded ones included, after
// analysis. A query with more is refused before it runs, with a message saying so.
inline constexpr std::size_t kMaxQueryTerms = 64;

// Prefixes (`word*`, and the last word with ParseOptions::prefix_last) stand for at most
// this many words of the index, the most frequent; the search says when there were more.
inline constexpr std::size_t kMaxExpansions = 100;
// The letters (code points, once folded) a prefix needs: `s*` is refused (a note), and a
// last word shorter than that is only itself.
inline constexpr std::size_t kMinPrefixLength = 2;
// The weight of a prefix's completions: below the word as typed.
inline constexpr double kCompletionWeight = 0.5;

struct ParseOptions {
  // The query is being typed: its last word, unless a space follows it, is also a prefix
  // (an item of origin kPrefix beside the word as typed, in the same unit).
  bool prefix_last = false;
};

// Parses a query. Never throws on user input: a malformed query (unbalanced quote, unknown
// field, empty field value, bad date range) comes back with `error` set and a message meant
// for the person who typed it. A prefix or a wildcard is an item of origin kPrefix or
// kWildcard whose `text` is the prefix as typed (without `*`) and whose one token is the
// prefix normalised (analyzer.normalize()): the searcher expands it (expand_prefix.h).
ParsedQuery parse_query(std::string_view text, analyzers::FrenchAnalyzer& analyzer,
                        ParseOptions options = {});

// add_filter() into the query's own filters and date range.
Notice parse_filter(std::string_view spec, ParsedQuery& into);

}  // namespace hemicycle::searcher
