#include "hemicycle/indexer/indexer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/analyzers/unicode.h"
#include "hemicycle/corpus/identity.h"
#include "hemicycle/format/records.h"
#include "hemicycle/format/schema.h"
#include "folders.h"

namespace hemicycle::indexer {
namespace schema = format::schema;
namespace store = format::store;

namespace {

// The speech fields of a clause as (field, display value), empty ones left out.
schema::FacetList speech_facets(const model::Clause& c) {
  schema::FacetList f;
  if (c.kind != model::ClauseKind::kSpeech) return f;
  if (!c.speech.speaker.empty()) f.emplace_back("speaker", c.speech.speaker);
  if (!c.speech.speaker_kind.empty()) f.emplace_back("speaker_role", c.speech.speaker_kind);
  if (!c.speech.group.empty()) f.emplace_back("group", c.speech.group);
  return f;
}

// The speech fields of every clause, each value once, in order of first appearance.
void add_speech_facets(const model::Document& doc, schema::FacetList& f) {
  const std::size_t before = f.size();
  for (const auto& c : doc.clauses) {
    for (auto& entry : speech_facets(c)) {
      if (std::find(f.begin() + static_cast<long>(before), f.end(), entry) == f.end()) {
        f.push_back(std::move(entry));
      }
    }
  }
}

// The names of the document's speakers as printed, under their terms (metadata).
void add_speaker_names(const model::Document& doc,
                       std::vector<std::pair<std::string, std::string>>& metadata) {
  const schema::Field& field = *schema::find_field("speaker");
  std::unordered_set<std::string> done;
  for (const auto& c : doc.clauses) {
    if (c.kind != model::ClauseKind::kSpeech || c.speech.speaker.empty()) continue;
    if (!done.insert(c.speech.speaker).second) continue;
    metadata.emplace_back(std::string(schema::kSpeakerNameKey) +
                              schema::facet_term(field, c.speech.speaker),
                          c.speech.speaker);
  }
}

// Facet values of a document, display forms, for the facets value slot.
schema::FacetList document_facets(const model::Document& doc) {
  schema::FacetList f;
  if (!doc.type.empty()) f.emplace_back("type", doc.type);
  if (!doc.institution.empty()) f.emplace_back("institution", doc.institution);
  if (doc.date.size() >= 4) f.emplace_back("year", doc.date.substr(0, 4));
  for (const auto& v : doc.territories) f.emplace_back("territory", v);
  for (const auto& v : doc.countries) f.emplace_back("country", v);
  for (const auto& v : doc.cites) f.emplace_back("cites", v);
  for (const auto& v : doc.signatories) f.emplace_back("signatory", v);
  if (!doc.outcome.empty()) f.emplace_back("outcome", doc.outcome);
  if (!doc.legislature.empty()) f.emplace_back("legislature", doc.legislature);
  if (!doc.sitting.empty()) f.emplace_back("sitting", doc.sitting);
  add_speech_facets(doc, f);
  return f;
}

std::string summary_record(const model::Document& doc) {
  format::StoredDocument d;
  d.id = doc.id;
  d.title = doc.title;
  d.type = doc.type;
  d.institution = doc.institution;
  d.date = doc.date;
  d.legislature = doc.legislature;
  d.place = doc.place;
  d.signatories = doc.signatories;
  d.signatory_role = doc.signatory_role;
  d.outcome = doc.outcome;
  d.texte_ref = doc.texte_ref;
  d.dossier_ref = doc.dossier_ref;
  d.sitting = doc.sitting;
  d.sitting_of_day = doc.sitting_of_day > 0 ? static_cast<std::size_t>(doc.sitting_of_day) : 0;
  d.presiding = doc.presiding;
  d.source = doc.source;
  d.origin = doc.origin;
  d.line = doc.line;
  d.cites = doc.cites;
  d.territories = doc.territories;
  d.countries = doc.countries;
  d.extras = doc.extras;
  d.clauses = doc.clauses.size();
  d.text_bytes = doc.text.size();
  return format::encode(d);
}

std::string clause_record(const model::Document& doc, std::size_t index) {
  const model::Clause& c = doc.clauses[index];
  format::StoredClause r;
  r.index = index + 1;
  r.kind = std::string(model::to_string(c.kind));
  r.number = c.number;
  r.lead = c.lead;
  r.text = c.text;
  if (c.kind == model::ClauseKind::kSpeech) {
    const model::Speech& s = c.speech;
    r.speaker = s.speaker;
    r.speaker_label = s.speaker_label;
    r.speaker_role = s.speaker_role;
    r.speaker_kind = s.speaker_kind;
    r.group = s.group;
    r.headings = s.headings;
    r.amendment = s.amendment;
    for (const auto& span : s.directions) r.directions.emplace_back(span.begin, span.end);
  }
  return format::encode(r);
}

// "2026-11-29T01:24:00Z"
std::string utc_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// 64-bit FNV-1a, continued over several pieces.
void fnv1a(std::uint64_t& h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xFF;  // a separator, so that ("ab", "c") and ("a", "bc") differ
  h *= 1099511628211ull;
}

std::string hex16(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// Bump when what the indexer writes changes: every document is then written again.
// 9: the content hash is of the document's fields, no more of the record's bytes.
// 10: summaries hold their title's words ("S"), their number ("XNUM") and an amendment's
// target article ("XTGT"), for known-item search.
// 11: the key of the document's text (identical texts fold): XTXT term, kSlotText.
// 12: clauses hold the references they cite (XR + value or detail, with a wdf); "du CGCT"
// and the other abbreviations after "du" name a code in `cites`.
// 13: debates: speech clauses hold their speaker (XSPK), speaker kind (XSROLE) and group
// (XGRP), their summary the union of these and its sitting (XSIT); the clause record has
// the speech fields, the document record sitting, sitting_of_day and presiding.
constexpr std::string_view kLayoutVersion = "hemicycle-index-layout-13";

void fnv1a_count(std::uint64_t& h, std::size_t n) {
  const auto count = static_cast<std::uint64_t>(n);
  fnv1a(h, std::string_view(reinterpret_cast<const char*>(&count), sizeof count));
}

}  // namespace

std::uint64_t content_hash(const model::Document& doc) {
  std::uint64_t h = 14695981039346656037ull;
  fnv1a(h, kLayoutVersion);
  for (const std::string* f : {&doc.id, &doc.source, &doc.type, &doc.institution, &doc.date,
                               &doc.title, &doc.legislature, &doc.place, &doc.signatory_role,
                               &doc.outcome, &doc.texte_ref, &doc.dossier_ref, &doc.origin,
                               &doc.sitting, &doc.text}) {
    fnv1a(h, *f);
  }
  fnv1a_count(h, static_cast<std::size_t>(doc.sitting_of_day > 0 ? doc.sitting_of_day : 0));
  fnv1a_count(h, doc.presiding.size());
  for (const auto& p : doc.presiding) fnv1a(h, p);
  fnv1a_count(h, doc.signatories.size());  // lists, counted: ["a", "b"] is no pair (a, b)
  for (const auto& s : doc.signatories) fnv1a(h, s);
  fnv1a_count(h, doc.extras.size());
  for (const auto& [k, v] : doc.extras) {
    fnv1a(h, k);
    fnv1a(h, v);
  }
  return h;
}

std::string source_term(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return schema::bounded_term(schema::kSourcePrefix, ec ? path : p.string());
}

struct DocumentBuilder::Impl {
  // The Xapian document of clause i: its words with positions (wdf normalised by the
  // clause's length), its kind, document and clause terms, its values and stored record.
  // Keeps its words as written in `forms` when `keep_forms`.
  Xapian::Document clause_document(const model::Document& doc, std::size_t i,
                                   const std::string& doc_term, const std::string& kind_term,
                                   bool keep_forms);
  // Appends to `out` the words as written in `forms` not reported before by this builder:
  // each folded word once, again if it later shows up with a lowercase initial ("Dès",
  // then "dès"). Numbers, references, and words too short or too long are left out.
  void report_forms(Lexicon& out);
  // The summary document: facet, kind and identity terms, values, stored record.
  // Adds to `summary` what identifies the document: its title's words with positions, its
  // number and an amendment's target (schema.h).
  void add_identity(const model::Document& doc, Xapian::Document& summary);
  Xapian::Document summary_document(const model::Document& doc, std::uint64_t hash,
                                    const std::string& doc_term,
                                    const std::vector<std::string>& kind_terms);

  analyzers::FrenchAnalyzer analyzer;
  std::unordered_map<std::string, Xapian::termcount> counts;  // of one clause, reused
  std::unordered_set<std::string_view> forms;  // words as written, views into the clauses
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // fold() of words as written, kept between documents (words repeat a lot).
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> folded;
  // Folded words already reported, and whether with a lowercase initial.
  std::unordered_map<std::string, bool> reported;
  store::Packer packer;
  bool seeded = false;
  std::string text_key;  // of the document being built: schema::text_key()
};

DocumentBuilder::DocumentBuilder() : impl_(std::make_unique<Impl>()) {}
DocumentBuilder::~DocumentBuilder() = default;

void DocumentBuilder::seed(std::string_view dictionary) {
  if (impl_->seeded) return;
  impl_->seeded = true;
  impl_->packer.use_dictionary(dictionary);
}

std::optional<std::pair<std::string, std::string>> DocumentBuilder::take_trained_dictionary() {
  return impl_->packer.take_trained();
}

std::vector<Xapian::Document> DocumentBuilder::build(const model::Document& doc,
                                                     std::uint64_t hash, Lexicon* new_forms) {
  const std::string doc_term = schema::bounded_term(schema::kDocPrefix, doc.id);
  const schema::Field& kind_field = *schema::find_field("kind");
  impl_->forms.clear();
  impl_->text_key = schema::text_key(doc.text, doc.id);
  std::vector<Xapian::Document> out;
  out.reserve(doc.clauses.size() + 1);
  out.emplace_back();  // the summary, made last: it holds the kinds of the clauses
  std::vector<std::string> kind_terms;  // each kind once, in order of first appearance
  for (std::size_t i = 0; i < doc.clauses.size(); ++i) {
    std::string kind_term = schema::facet_term(kind_field, model::to_string(doc.clauses[i].kind));
    out.push_back(impl_->clause_document(doc, i, doc_term, kind_term, new_forms != nullptr));
    if (std::find(kind_terms.begin(), kind_terms.end(), kind_term) == kind_terms.end()) {
      kind_terms.push_back(std::move(kind_term));
    }
  }
  if (new_forms) impl_->report_forms(*new_forms);
  out.front() = impl_->summary_document(doc, hash, doc_term, kind_terms);
  return out;
}

Xapian::Document DocumentBuilder::Impl::clause_document(const model::Document& doc,
                                                        std::size_t i,
                                                        const std::string& doc_term,
                                                        const std::string& kind_term,
                                                        bool keep_forms) {
  const model::Clause& c = doc.clauses[i];
  Xapian::Document xd;
  counts.clear();
  std::size_t length = 0;
  analyzer.analyze(c.text, [&](const analyzers::Token& t) {
    if (t.text.empty() || t.text.size() > schema::kMaxTermBytes) return;
    xd.add_posting(t.text, t.position + 1, 0);  // wdf below, normalised
    ++counts[t.text];
    ++length;
    if (keep_forms) forms.emplace(std::string_view(c.text).substr(t.begin, t.end - t.begin));
  });
  for (const auto& [word, count] : counts) {
    xd.add_term(word, schema::normalized_wdf(count, length, schema::kClauseLengthPivot));
  }
  const Xapian::termcount one = schema::normalized_wdf(1, length, schema::kClauseLengthPivot);
  for (const auto* refs : {&c.cites, &c.reference_details}) {
    for (const auto& r : *refs) xd.add_term(schema::reference_term(r), one);
  }
  xd.add_boolean_term(kind_term);
  for (const auto& [name, value] : speech_facets(c)) {
    xd.add_boolean_term(schema::facet_term(*schema::find_field(name), value));
  }
  xd.add_boolean_term(doc_term);
  xd.add_boolean_term(std::string(schema::kClauseTerm));
  if (!doc.date.empty()) xd.add_value(schema::kSlotDate, doc.date);
  xd.add_value(schema::kSlotDocId, doc.id);
  xd.add_value(schema::kSlotOrder, Xapian::sortable_serialise(static_cast<double>(i + 1)));
  xd.add_value(schema::kSlotKind, std::string(model::to_string(c.kind)));
  xd.add_value(schema::kSlotText, text_key);
  xd.add_value(schema::kSlotStored, packer.pack(clause_record(doc, i)));
  return xd;
}

void DocumentBuilder::Impl::report_forms(Lexicon& out) {
  for (const std::string_view form : forms) {
    if (form.size() < 3 || form.size() > schema::kMaxTermBytes / 2) continue;
    if (std::any_of(form.begin(), form.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      continue;  // numbers and references are not completed
    }
    auto cached = folded.find(form);
    if (cached == folded.end()) {
      if (folded.size() > 500000) folded.clear();
      cached = folded.emplace(std::string(form), analyzers::fold(form)).first;
    }
    const bool lower = analyzers::lowercase_initial(form);
    auto [r, fresh] = reported.try_emplace(cached->second, lower);
    if (!fresh) {
      if (r->second || !lower) continue;
      r->second = true;
    }
    out.emplace_back(cached->second, cached->first);
  }
}

void DocumentBuilder::Impl::add_identity(const model::Document& doc, Xapian::Document& summary) {
  analyzer.analyze(doc.title, [&](const analyzers::Token& t) {
    if (t.text.empty() || t.text.size() + schema::kTitlePrefix.size() > schema::kMaxTermBytes) {
      return;
    }
    summary.add_posting(std::string(schema::kTitlePrefix).append(t.text), t.position + 1);
  });
  const corpus::Identity id = corpus::identify(doc);
  if (std::string number = schema::number_term(schema::kNumberPrefix, id.number); !number.empty()) {
    summary.add_boolean_term(number);
  }
  if (std::string target = schema::number_term(schema::kTargetPrefix, id.target); !target.empty()) {
    summary.add_term(target, 1);  // weighted: it ranks amendments of one number
  }
}

Xapian::Document DocumentBuilder::Impl::summary_document(
    const model::Document& doc, std::uint64_t hash, const std::string& doc_term,
    const std::vector<std::string>& kind_terms) {
  const schema::FacetList facets = document_facets(doc);
  Xapian::Document summary;
  for (const auto& [name, value] : facets) {
    summary.add_boolean_term(schema::facet_term(*schema::find_field(name), value));
  }
  for (const auto& t : kind_terms) summary.add_boolean_term(t);
  summary.add_boolean_term(doc_term);
  summary.add_boolean_term(std::string(schema::kSummaryTerm));
  summary.add_boolean_term(schema::bounded_term(schema::kUniquePrefix, doc.id));
  add_identity(doc, summary);
  if (!doc.origin.empty()) summary.add_boolean_term(source_term(doc.origin));
  if (!doc.date.empty()) summary.add_value(schema::kSlotDate, doc.date);
  summary.add_value(schema::kSlotDocId, doc.id);
  summary.add_value(schema::kSlotOrder, Xapian::sortable_serialise(0.0));
  summary.add_value(schema::kSlotFacets, schema::encode_facets(facets));
  summary.add_value(schema::kSlotClauses, std::to_string(doc.clauses.size()));
  summary.add_value(schema::kSlotHash, hex16(hash));
  summary.add_value(schema::kSlotText, text_key);
  std::string text_term(schema::kTextPrefix);
  summary.add_boolean_term(text_term + text_key);
  const std::size_t prefix = schema::find_field("kind")->prefix.size();
  std::string kind_list;  // the kinds of the document's clauses, for facet counts
  for (const auto& t : kind_terms) {
    if (!kind_list.empty()) kind_list += '\x1E';
    kind_list.append(t, prefix);
  }
  summary.add_value(schema::kSlotKind, kind_list);
  summary.add_value(schema::kSlotStored, packer.pack(summary_record(doc)));
  return summary;
}

std::uint64_t Indexer::id_key(std::string_view id) {
  std::uint64_t h = 14695981039346656037ull;
  fnv1a(h, id);
  return h;
}

Indexer::Indexer(const std::string& db_path, IndexerOptions options)
    : db_(db_path, Xapian::DB_CREATE_OR_OPEN), options_(options) {
  started_empty_ = db_.get_doccount() == 0;
  const std::string current = db_.get_metadata(std::string(store::kCurrentDictionaryKey));
  if (!current.empty()) dictionary_ = db_.get_metadata(std::string(store::kDictionaryPrefix) + current);
  if (options_.batch_documents == 0) options_.batch_documents = 1;
  if (!started_empty_) {
    // What is indexed now, to skip the documents that did not change.
    const std::string summaries(schema::kSummaryTerm);
    for (auto it = db_.postlist_begin(summaries); it != db_.postlist_end(summaries); ++it) {
      Xapian::Document d = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
      const std::string hash = d.get_value(schema::kSlotHash);
      known_[id_key(d.get_value(schema::kSlotDocId))] =
          hash.empty() ? 0 : std::strtoull(hash.c_str(), nullptr, 16);
    }
  }
  // Every batch is one transaction: Xapian flushes its buffers to disk every
  // XAPIAN_FLUSH_THRESHOLD documents (10,000 by default), and outside a transaction such a
  // flush is also a commit, which could make a document's summary visible without all its
  // clauses if the run were killed right after. Inside one, nothing shows before commit().
  db_.begin_transaction();
}

Indexer::~Indexer() {
  try {
    commit();
  } catch (...) {
  }
}

std::optional<PreparedDocument> Indexer::if_unchanged(const model::Document& doc,
                                                      std::uint64_t hash) const {
  if (known_.empty()) return std::nullopt;
  auto known = known_.find(id_key(doc.id));
  if (known == known_.end() || known->second != hash) return std::nullopt;
  PreparedDocument p;
  p.id = doc.id;
  p.hash = known->second;
  p.text_bytes = doc.text.size();
  p.unchanged = true;
  return p;
}

PreparedDocument Indexer::prepare(const model::Document& doc, std::uint64_t hash,
                                  DocumentBuilder& builder) const {
  if (auto unchanged = if_unchanged(doc, hash)) return std::move(*unchanged);
  PreparedDocument p;
  p.id = doc.id;
  p.hash = hash;
  p.text_bytes = doc.text.size();
  builder.seed(dictionary_);
  p.documents = builder.build(doc, p.hash, &p.new_forms);
  if (auto trained = builder.take_trained_dictionary()) {
    const std::string id = trained->first.substr(store::kDictionaryPrefix.size());
    p.metadata.push_back(std::move(*trained));
    p.metadata.emplace_back(std::string(store::kCurrentDictionaryKey), id);
  }
  add_speaker_names(doc, p.metadata);
  p.clauses = doc.clauses.size();
  return p;
}

void Indexer::write(PreparedDocument&& p) {
  const std::uint64_t key = id_key(p.id);
  const bool first_time = seen_.insert(key).second;
  stats_.text_bytes += p.text_bytes;
  if (p.unchanged) {
    // Indexed as it is. (An id read twice in one run whose second reading equals what was
    // indexed before the run keeps its first reading: prepare() built nothing for it.)
    if (first_time) ++stats_.unchanged;
    return;
  }
  // An id that was indexed when the run started, or read twice in this run, replaces what
  // is there; any other id has nothing to replace (no lookup: bulk loads stay fast).
  if (!first_time || known_.count(key)) {
    db_.delete_document(schema::bounded_term(schema::kDocPrefix, p.id));
    ++stats_.replaced;
  }
  for (auto& [key, value] : p.metadata) db_.set_metadata(key, value);
  for (auto& xd : p.documents) db_.add_document(xd);
  for (auto& [folded, form] : p.new_forms) {
    auto [it, fresh] = lexicon_.try_emplace(std::move(folded), form);
    if (!fresh && analyzers::lowercase_initial(form)) it->second = std::move(form);
  }
  ++stats_.documents;
  stats_.clauses += p.clauses;
  if (++pending_ >= options_.batch_documents) commit();
}

bool Indexer::remove(const std::string& document_id) {
  const std::string doc_term = schema::bounded_term(schema::kDocPrefix, document_id);
  if (!db_.term_exists(doc_term)) return false;
  db_.delete_document(doc_term);
  ++stats_.deleted;
  if (++pending_ >= options_.batch_documents) commit();
  return true;
}

std::size_t Indexer::prune(const std::string& source) {
  const std::string prefix = source_term(source);
  std::vector<std::string> gone;
  for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
    const std::string term = *t;
    // The source itself (a file) or a file under it (a folder).
    if (term.size() > prefix.size() && term[prefix.size()] != '/') continue;
    for (auto d = db_.postlist_begin(term); d != db_.postlist_end(term); ++d) {
      std::string id = db_.get_document(*d, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotDocId);
      if (!seen_.count(id_key(id))) gone.push_back(std::move(id));
    }
  }
  std::size_t removed = 0;
  for (const auto& id : gone) removed += remove(id) ? 1 : 0;
  return removed;
}

void Indexer::flush_lexicon() {
  std::string key;
  for (auto& [folded, form] : lexicon_) {
    key.assign(schema::kSuggestPrefix);
    key += folded;
    if (key.size() > schema::kMaxTermBytes) continue;
    if (!started_empty_) {
      // Keep a lowercase form already there over a capitalised one.
      std::string there = db_.get_metadata(key);
      if (!there.empty() && (there == form || analyzers::lowercase_initial(there) || !analyzers::lowercase_initial(form))) {
        continue;
      }
    }
    db_.set_metadata(key, form);
  }
  lexicon_.clear();
}

void Indexer::commit() {
  // Nothing written since the last commit (e.g. a rerun on unchanged inputs): the index
  // stays as it is, byte for byte.
  if (pending_ == 0 && lexicon_.empty() &&
      !db_.get_metadata(std::string(schema::kLastCommitKey)).empty()) {
    return;
  }
  flush_lexicon();
  db_.set_metadata(std::string(schema::kLastCommitKey), utc_now());
  db_.commit_transaction();
  internal::kill_point("first-commit");  // a test hook: a kill right after a commit
  db_.begin_transaction();
  pending_ = 0;
}

}  // namespace hemicycle::indexer
