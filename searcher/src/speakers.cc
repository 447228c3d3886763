#include "speakers.h"

#include <algorithm>
#include <map>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;
using Xapian::Query;

namespace {

// Speeches sampled for a speaker's usual role and kind: the latest ones.
constexpr std::size_t kRoleSample = 32;

// Whether a word of `name` (folded) starts with `prefix` (folded): at its start, or after a
// space, a hyphen or an apostrophe.
bool word_starts_with(std::string_view name, std::string_view prefix) {
  if (prefix.empty()) return true;
  for (std::size_t at = 0; at + prefix.size() <= name.size(); ++at) {
    const bool word_start = at == 0 || name[at - 1] == ' ' || name[at - 1] == '-' || name[at - 1] == '\'';
    if (word_start && name.compare(at, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

struct Candidate {
  std::string term;
  Xapian::doccount upper;  // its term frequency: speeches and the sittings' summaries
};

// The speaker terms whose folded name matches, most frequent first.
std::vector<Candidate> candidates(Xapian::Database& db, const std::string& folded) {
  const std::string prefix(schema::find_field("speaker")->prefix);
  std::vector<Candidate> out;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const std::string term = *it;
    if (word_starts_with(std::string_view(term).substr(prefix.size()), folded)) {
      out.push_back({term, it.get_termfreq()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.upper != b.upper ? a.upper > b.upper : a.term < b.term;
  });
  return out;
}

// The speeches holding `term`: its postings less the summaries (which hold their clauses'
// speakers too).
std::size_t speeches(Xapian::Database& db, const std::string& term) {
  Xapian::Enquire e(db);
  e.set_query(Query(Query::OP_FILTER, Query(term), Query(std::string(schema::kSummaryTerm))));
  e.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = e.get_mset(0, 0, db.get_doccount());
  return db.get_termfreq(term) - m.get_matches_lower_bound();
}

// The most frequent non-empty value of `counts` (the first in order on a tie), or "".
std::string most_common(const std::map<std::string, std::size_t>& counts) {
  std::string best;
  std::size_t n = 0;
  for (const auto& [value, count] : counts) {
    if (!value.empty() && count > n) {
      best = value;
      n = count;
    }
  }
  return best;
}

// The speaker's usual role as printed and kind, from their latest speeches.
void fill_role(Shards& index, const std::string& term, Speaker& s) {
  Xapian::Database& db = index.db();
  std::vector<Xapian::docid> latest;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) latest.push_back(*it);
  std::map<std::string, std::size_t> roles, kinds;
  std::size_t read = 0;
  for (auto it = latest.rbegin(); it != latest.rend() && read < kRoleSample; ++it) {
    format::StoredClause c;
    if (!format::decode(index.stored(db.get_document(*it)), &c) || c.kind != "speech") continue;
    ++read;
    ++roles[c.speaker_role];
    ++kinds[c.speaker_kind];
  }
  s.role = most_common(roles);
  s.kind = most_common(kinds);
}

std::string display_name(Xapian::Database& db, const std::string& term) {
  std::string name = db.get_metadata(std::string(schema::kSpeakerNameKey) + term);
  if (name.empty()) name = term.substr(schema::find_field("speaker")->prefix.size());
  return name;
}

}  // namespace

std::vector<Speaker> list_speakers(Shards& index, const std::string& prefix, std::size_t limit) {
  Xapian::Database& db = index.db();
  std::vector<std::pair<Speaker, std::string>> found;  // with its term
  auto better = [](const auto& a, const auto& b) {
    return a.first.speeches != b.first.speeches ? a.first.speeches > b.first.speeches
                                                : a.first.name < b.first.name;
  };
  // Exact counts in order of their upper bounds, until no bound can enter the top `limit`.
  for (const Candidate& c : candidates(db, analyzers::fold(prefix))) {
    if (limit == 0) break;
    if (found.size() >= limit && c.upper < found[limit - 1].first.speeches) break;
    Speaker s;
    s.speeches = speeches(db, c.term);
    if (s.speeches == 0) continue;
    s.name = display_name(db, c.term);
    found.emplace_back(std::move(s), c.term);
    std::sort(found.begin(), found.end(), better);
    if (found.size() > limit) found.resize(limit);
  }
  std::vector<Speaker> out;
  for (auto& [s, term] : found) {
    fill_role(index, term, s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace hemicycle::searcher
