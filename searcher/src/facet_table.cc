#include "facet_table.h"

#include <array>
#include <cstdlib>
#include <stdexcept>

#include "hemicycle/model/document.h"
#include "hemicycle/format/schema.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

// The set a field's values go to (see FacetTable::sets).
std::size_t group_of(std::string_view field) {
  if (field == "signatory") return 0;
  if (field == "cites") return 1;
  return 2;
}

std::uint8_t kind_index(std::string_view name) {
  auto kind = model::clause_kind_from_string(name);
  return kind ? static_cast<std::uint8_t>(*kind) : 0;
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& combined,
                       const std::vector<Xapian::Database>& shards) {
  set_begin_.push_back(0);
  single_ = shards.size() == 1;
  const Xapian::docid last = combined.get_lastdocid();
  entry_.assign(static_cast<std::size_t>(last) + 1, kNoEntry);
  for (Xapian::doccount s = 0; s < shards.size(); ++s) {
    uuids_.push_back(shards[s].get_uuid());
    last_read_.push_back(0);
    read(shards, s, 0);
  }
  displaced_.clear();
}

bool FacetTable::update(const Xapian::Database& combined,
                        const std::vector<Xapian::Database>& shards) {
  if (shards.size() != uuids_.size()) return false;
  for (Xapian::doccount s = 0; s < shards.size(); ++s) {
    if (shards[s].get_uuid() != uuids_[s] || shards[s].get_lastdocid() < last_read_[s]) {
      return false;
    }
  }
  const Mark before = mark();
  displaced_.clear();
  const Xapian::docid last = combined.get_lastdocid();
  if (last + 1 > entry_.size()) entry_.resize(static_cast<std::size_t>(last) + 1, kNoEntry);
  try {
    for (Xapian::doccount s = 0; s < shards.size(); ++s) {
      if (shards[s].get_lastdocid() > last_read_[s]) read(shards, s, last_read_[s]);
    }
  } catch (const std::length_error&) {
    return false;  // grew past what the table can address: the caller builds a new one
  } catch (...) {
    roll_back(before);
    throw;
  }
  displaced_.clear();
  return true;
}

FacetTable::Mark FacetTable::mark() const {
  return {ids_.size(), values_.size(), set_count(), entry_.size(), text_keys_.size(), last_read_};
}

void FacetTable::roll_back(const Mark& m) {
  for (auto it = displaced_.rbegin(); it != displaced_.rend(); ++it) {
    if (it->second == kNone) {
      by_id_.erase(it->first);
    } else {
      by_id_[it->first] = it->second;
    }
  }
  displaced_.clear();
  for (std::size_t v = m.values; v < values_.size(); ++v) {
    dictionary_.erase(std::string(1, static_cast<char>(field_of_[v])) + values_[v]);
  }
  values_.resize(m.values);
  field_of_.resize(m.values);
  for (std::size_t set = m.sets; set < set_count(); ++set) {
    const auto* begin = set_values_.data() + set_begin_[set];
    const auto* end = set_values_.data() + set_begin_[set + 1];
    set_dictionary_.erase(std::string(reinterpret_cast<const char*>(begin),
                                      static_cast<std::size_t>(end - begin) * sizeof *begin));
  }
  set_values_.resize(set_begin_[m.sets]);
  set_begin_.resize(m.sets + 1);
  ids_.resize(m.documents);
  kinds_.resize(m.documents);
  for (std::size_t d = m.documents; d < text_of_.size(); ++d) {
    if (text_of_[d] != kNoText) --text_documents_[text_of_[d]];
  }
  text_of_.resize(m.documents);
  for (std::size_t t = m.texts; t < text_keys_.size(); ++t) text_ids_.erase(text_keys_[t]);
  text_keys_.resize(m.texts);
  text_documents_.resize(m.texts);
  summary_of_.resize(m.documents);
  clause_count_.resize(m.documents);
  set_of_.resize(m.documents * kGroups);
  // The entries of docids above those read before (each shard's, interleaved).
  const auto n = static_cast<Xapian::docid>(last_read_.size());
  for (Xapian::docid s = 0; s < n; ++s) {
    for (Xapian::docid g = m.last_read[s] * n + s + 1; g < entry_.size(); g += n) {
      entry_[g] = kNoEntry;
    }
  }
  entry_.resize(m.entries);
  last_read_ = m.last_read;
}

void FacetTable::read(const std::vector<Xapian::Database>& shards, Xapian::doccount s,
                      Xapian::docid after) {
  const auto& fields = schema::fields();
  const Xapian::doccount n = static_cast<Xapian::doccount>(shards.size());
  const Xapian::Database& shard = shards[s];
  auto global = [&](Xapian::docid local) { return (local - 1) * n + s + 1; };
  const std::string summary_term(schema::kSummaryTerm);
  auto it = shard.postlist_begin(summary_term);
  if (after > 0 && it != shard.postlist_end(summary_term)) it.skip_to(after + 1);
  for (; it != shard.postlist_end(summary_term); ++it) {
    const Xapian::docid local = *it;
    Xapian::Document doc = shard.get_document(local, Xapian::DOC_ASSUME_VALID);
    // Every read from Xapian before the first push, so that a throw leaves no half entry.
    std::string id = doc.get_value(schema::kSlotDocId);
    const std::string kind_list = doc.get_value(schema::kSlotKind);
    const std::string facets = doc.get_value(schema::kSlotFacets);
    const std::uint64_t text = schema::text_key_value(doc.get_value(schema::kSlotText));
    const unsigned long clauses =
        std::strtoul(doc.get_value(schema::kSlotClauses).c_str(), nullptr, 10);
    const auto d = static_cast<std::uint32_t>(ids_.size());
    ids_.push_back(std::move(id));
    index_id(d);
    std::uint32_t kinds = 0;
    std::string_view rest = kind_list;
    while (!rest.empty()) {
      auto sep = rest.find('\x1E');
      kinds |= 1u << kind_index(rest.substr(0, sep));
      if (sep == std::string_view::npos) break;
      rest.remove_prefix(sep + 1);
    }
    kinds_.push_back(kinds);
    add_text(text);
    if (d >= kMaxDocuments) throw std::length_error("too many documents for the facet table");
    std::array<std::vector<std::uint32_t>, kGroups> groups;
    for (auto& [name, value] : schema::decode_facets(facets)) {
      const schema::Field* f = schema::find_field(name);
      if (!f) continue;
      const auto field = static_cast<std::uint16_t>(f - fields.data());
      std::string key(1, static_cast<char>(field));
      key += value;
      auto [v, fresh] =
          dictionary_.try_emplace(std::move(key), static_cast<std::uint32_t>(values_.size()));
      if (fresh) {
        values_.push_back(value);
        field_of_.push_back(field);
      }
      groups[group_of(f->name)].push_back(v->second);
    }
    for (auto& ids : groups) set_of_.push_back(intern_set(ids));
    summary_of_.push_back(global(local));
    clause_count_.push_back(static_cast<std::uint32_t>(clauses));
    for (Xapian::docid k = 1; k <= clauses; ++k) {
      const Xapian::docid g = global(local + k);
      if (g < entry_.size()) entry_[g] = d << 8;  // kind below
    }
    if (global(local) < entry_.size()) entry_[global(local)] = d << 8 | kSummary;
  }
  auto v = shard.valuestream_begin(schema::kSlotKind);
  if (after > 0 && v != shard.valuestream_end(schema::kSlotKind)) v.skip_to(after + 1);
  for (; v != shard.valuestream_end(schema::kSlotKind); ++v) {
    const Xapian::docid g = global(v.get_docid());
    if (g >= entry_.size() || entry_[g] == kNoEntry || kind_in(entry_[g]) == kSummary) continue;
    entry_[g] = (entry_[g] & ~0xFFu) | kind_index(*v);
  }
  last_read_[s] = shard.get_lastdocid();
}

void FacetTable::add_text(std::uint64_t key) {
  if (key == 0) {
    text_of_.push_back(kNoText);
    return;
  }
  auto [it, fresh] = text_ids_.try_emplace(key, static_cast<std::uint32_t>(text_keys_.size()));
  if (fresh) {
    text_keys_.push_back(key);
    text_documents_.push_back(0);
  }
  ++text_documents_[it->second];
  text_of_.push_back(it->second);
}

// A replaced document: the id leads to its newest version.
void FacetTable::index_id(std::uint32_t d) {
  auto [it, fresh] = by_id_.try_emplace(ids_[d], d);
  displaced_.emplace_back(ids_[d], fresh ? kNone : it->second);
  it->second = d;
}

std::uint32_t FacetTable::intern_set(const std::vector<std::uint32_t>& ids) {
  if (ids.empty()) return kNoSet;
  std::string key(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof ids[0]);
  auto [it, fresh] =
      set_dictionary_.try_emplace(std::move(key), static_cast<std::uint32_t>(set_count()));
  if (fresh) {
    set_values_.insert(set_values_.end(), ids.begin(), ids.end());
    set_begin_.push_back(static_cast<std::uint32_t>(set_values_.size()));
  }
  return it->second;
}

std::uint32_t FacetTable::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? kNone : it->second;
}

}  // namespace hemicycle::searcher
