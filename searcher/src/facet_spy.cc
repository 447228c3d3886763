#include "facet_spy.h"

#include <algorithm>
#include <array>

#include "hemicycle/model/document.h"

namespace hemicycle::searcher {

namespace schema = format::schema;

namespace {

constexpr int kKindCount = model::kClauseKindCount;

// Appends the clause kinds counted (documents per kind index) as facet values.
template <typename Counts>
void add_kind_values(const Counts& kinds, Facet& facet) {
  for (int k = 0; k < kKindCount; ++k) {
    if (kinds[static_cast<std::size_t>(k)] == 0) continue;
    facet.values.push_back({std::string(model::to_string(static_cast<model::ClauseKind>(k))),
                            static_cast<std::size_t>(kinds[static_cast<std::size_t>(k)])});
  }
}

// Keeps the `limit` most frequent values (0: all), most frequent first, then by value.
void keep_top(Facet& facet, std::size_t limit) {
  auto better = [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  if (limit && facet.values.size() > limit) {
    std::partial_sort(facet.values.begin(), facet.values.begin() + static_cast<long>(limit),
                      facet.values.end(), better);
    facet.values.resize(limit);
  } else {
    std::sort(facet.values.begin(), facet.values.end(), better);
  }
}

int kind_index(std::string_view name) {
  auto kind = model::clause_kind_from_string(name);
  return kind ? static_cast<int>(*kind) : -1;
}

}  // namespace

FacetSpy::FacetSpy(std::vector<const schema::Field*> fields) : fields_(std::move(fields)) {
  const auto& all = schema::fields();
  field_slot_.assign(all.size(), -1);
  counts_.resize(all.size());
  for (const auto* f : fields_) {
    field_slot_[static_cast<std::size_t>(f - all.data())] = static_cast<int>(f - all.data());
    if (f->name == "kind") want_kind_ = true;
  }
  docs_.reserve(1024);
}

void FacetSpy::add_kinds(PerDocument& d, std::string_view kinds) {
  while (!kinds.empty()) {
    auto sep = kinds.find('\x1E');
    int k = kind_index(kinds.substr(0, sep));
    if (k >= 0) d.kinds |= 1u << k;
    if (sep == std::string_view::npos) break;
    kinds.remove_prefix(sep + 1);
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  const std::string id = doc.get_value(schema::kSlotDocId);
  const bool summary = doc.get_value(schema::kSlotOrder) == summary_order_;
  auto it = docs_.find(std::string_view(id));
  if (it == docs_.end()) {
    if (restrict_) return;
    it = docs_.emplace(id, PerDocument{}).first;
  }
  PerDocument& d = it->second;
  if (!summary) {
    ++d.clauses;
    ++clauses_;
    if (want_kind_) add_kinds(d, doc.get_value(schema::kSlotKind));
    return;
  }
  if (d.faceted) return;
  d.faceted = true;
  if (const std::uint64_t text = schema::text_key_value(doc.get_value(schema::kSlotText))) {
    texts_.insert(text);
    ++keyed_;
  }
  // Kinds come from the matching clauses, or for a summary-only pass from the summary.
  if (want_kind_ && !restrict_) add_kinds(d, doc.get_value(schema::kSlotKind));
  const std::string blob = doc.get_value(schema::kSlotFacets);
  std::string_view rest = blob;
  const auto& all = schema::fields();
  while (!rest.empty()) {
    auto rs = rest.find('\x1E');
    std::string_view record = rest.substr(0, rs);
    auto us = record.find('\x1F');
    if (us != std::string_view::npos) {
      std::string_view name = record.substr(0, us), value = record.substr(us + 1);
      for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].name != name) continue;
        if (field_slot_[i] >= 0) {
          Counts& c = counts_[i];
          auto v = c.find(value);
          if (v == c.end()) {
            c.emplace(std::string(value), 1);
          } else {
            ++v->second;
          }
        }
        break;
      }
    }
    if (rs == std::string_view::npos) break;
    rest.remove_prefix(rs + 1);
  }
}

std::size_t FacetSpy::clauses_of(const std::string& doc_id) const {
  auto it = docs_.find(std::string_view(doc_id));
  return it == docs_.end() ? 0 : it->second.clauses;
}

std::vector<Facet> FacetSpy::facets(std::size_t limit) const {
  const auto& all = schema::fields();
  std::array<std::size_t, kKindCount> kinds{};
  if (want_kind_) {
    for (const auto& [id, d] : docs_) {
      for (int k = 0; k < kKindCount; ++k) {
        if (d.kinds & (1u << k)) ++kinds[static_cast<std::size_t>(k)];
      }
    }
  }
  std::vector<Facet> out;
  for (const auto* f : fields_) {
    Facet facet;
    facet.field = std::string(f->name);
    facet.label = std::string(f->label);
    if (f->name == "kind") {
      add_kind_values(kinds, facet);
    } else {
      for (const auto& [value, count] : counts_[static_cast<std::size_t>(f - all.data())]) {
        facet.values.push_back({value, count});
      }
    }
    keep_top(facet, limit);
    out.push_back(std::move(facet));
  }
  return out;
}

TableFacetSpy::TableFacetSpy(std::vector<const schema::Field*> fields, const FacetTable& table)
    : fields_(std::move(fields)),
      table_(table),
      per_document_(table.documents()) {}

void TableFacetSpy::operator()(const Xapian::Document& doc, double) {
  std::uint32_t d;
  std::uint8_t kind;
  if (table_.single_database()) {
    const std::uint32_t entry = table_.entry(doc.get_docid());
    d = FacetTable::document_in(entry);
    kind = FacetTable::kind_in(entry);
  } else {
    d = table_.find(doc.get_value(schema::kSlotDocId));
    const std::string order = doc.get_value(schema::kSlotOrder);
    kind = order == summary_order_
               ? FacetTable::kSummary
               : static_cast<std::uint8_t>(
                     model::clause_kind_from_string(doc.get_value(schema::kSlotKind))
                         .value_or(model::ClauseKind::kParagraph));
  }
  count(d, kind);
}

void TableFacetSpy::add(const std::vector<std::uint64_t>& bits,
                        const std::vector<std::uint8_t>* allowed, std::uint32_t kinds) {
  const bool all_kinds = kinds == ~std::uint32_t{0};
  for (std::size_t i = 0; i < bits.size(); ++i) {
    for (std::uint64_t w = bits[i]; w; w &= w - 1) {
      const auto g = static_cast<Xapian::docid>(i * 64 + static_cast<unsigned>(__builtin_ctzll(w)));
      const std::uint32_t entry = table_.entry(g);
      const std::uint32_t d = FacetTable::document_in(entry);
      const std::uint8_t kind = FacetTable::kind_in(entry);
      if (allowed && (d >= allowed->size() || !(*allowed)[d])) continue;
      if (!all_kinds && (kind >= 32 || !(kinds >> kind & 1u))) continue;
      count(d, kind);
    }
  }
}

// Only the documents of a shared text are looked at, one bit per text.
std::size_t TableFacetSpy::distinct_documents() const {
  std::size_t n = touched_.size();
  std::vector<std::uint64_t> seen((table_.text_count() + 63) / 64, 0);
  for (const std::uint32_t d : touched_) {
    const std::uint32_t t = table_.text_id(d);
    if (t == FacetTable::kNoText || !table_.shared(t)) continue;
    std::uint64_t& word = seen[t >> 6];
    const std::uint64_t bit = std::uint64_t{1} << (t & 63);
    if (word & bit) --n;
    word |= bit;
  }
  return n;
}

std::size_t TableFacetSpy::clauses_of(const std::string& doc_id) const {
  const std::uint32_t d = table_.find(doc_id);
  return d < per_document_.size() ? per_document_[d].clauses : 0;
}

std::vector<Facet> TableFacetSpy::facets(std::size_t limit) const {
  const auto& all = schema::fields();
  // Counters per set and per value id, kept zeroed between calls on this thread: only the
  // sets and values met are touched, however many there are.
  thread_local std::vector<std::uint32_t> set_counts, counts;
  if (set_counts.size() < table_.set_count()) set_counts.resize(table_.set_count(), 0);
  if (counts.size() < table_.values()) counts.resize(table_.values(), 0);
  std::vector<std::uint32_t> sets_met, present;  // set ids and value ids counted
  std::array<std::size_t, 32> kinds{};
  for (std::uint32_t d : touched_) {
    const std::uint32_t* sets = table_.sets(d);
    for (std::size_t g = 0; g < FacetTable::kGroups; ++g) {
      const std::uint32_t s = sets[g];
      if (s != FacetTable::kNoSet && set_counts[s]++ == 0) sets_met.push_back(s);
    }
    for (std::uint32_t mask = per_document_[d].kinds & ~kSeen; mask; mask &= mask - 1) {
      ++kinds[static_cast<std::size_t>(__builtin_ctz(mask))];
    }
  }
  for (std::uint32_t s : sets_met) {
    const std::uint32_t n = set_counts[s];
    set_counts[s] = 0;
    auto [begin, end] = table_.set_values(s);
    for (auto it = begin; it != end; ++it) {
      if (counts[*it] == 0) present.push_back(*it);
      counts[*it] += n;
    }
  }
  std::vector<std::vector<std::uint32_t>> by_field(all.size());
  for (std::uint32_t v : present) by_field[table_.field_of(v)].push_back(v);

  std::vector<Facet> out;
  for (const auto* f : fields_) {
    const std::size_t i = static_cast<std::size_t>(f - all.data());
    Facet facet;
    facet.field = std::string(f->name);
    facet.label = std::string(f->label);
    if (f->name == "kind") {
      add_kind_values(kinds, facet);
      keep_top(facet, limit);
    } else {
      // The top values by id first: only those become strings.
      std::vector<std::uint32_t>& ids = by_field[i];
      auto better = [&](std::uint32_t a, std::uint32_t b) {
        return counts[a] != counts[b] ? counts[a] > counts[b] : table_.value(a) < table_.value(b);
      };
      const std::size_t keep = limit && ids.size() > limit ? limit : ids.size();
      std::partial_sort(ids.begin(), ids.begin() + static_cast<long>(keep), ids.end(), better);
      for (std::size_t k = 0; k < keep; ++k) {
        facet.values.push_back({table_.value(ids[k]), counts[ids[k]]});
      }
    }
    out.push_back(std::move(facet));
  }
  for (std::uint32_t v : present) counts[v] = 0;
  return out;
}

}  // namespace hemicycle::searcher
