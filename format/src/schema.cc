#include "hemicycle/format/schema.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "hemicycle/analyzers/analyzer.h"

namespace hemicycle::format::schema {

Xapian::termcount normalized_wdf(Xapian::termcount count, std::size_t length, double pivot) {
  const double norm = (1 - kBm25B) + kBm25B * std::max(static_cast<double>(length) / pivot,
                                                       kBm25MinNormLength);
  const double wdf = std::round(kWdfScale * count / norm);
  return static_cast<Xapian::termcount>(std::clamp(wdf, 1.0, 1e9));
}

Xapian::BM25Weight bm25_weight() {
  return Xapian::BM25Weight(kBm25K1 * kWdfScale, 0, 1, 0, kBm25MinNormLength);
}

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = {
      {"type", "XTYPE", false, "Type"},
      {"kind", "XK", true, "Passage"},
      {"institution", "XINST", false, "Institution"},
      {"year", "XYEAR", false, "Année"},
      {"territory", "XTERR", false, "Territoire"},
      {"country", "XCTRY", false, "Pays"},
      {"cites", "XCITE", false, "Textes cités"},
      {"signatory", "XSIGN", false, "Signataire"},
      {"outcome", "XOUT", false, "Sort"},
      {"legislature", "XLEG", false, "Législature"},
      {"sitting", "XSIT", false, "Séance"},
      // Speeches: clause-level, like kind (the summary holds the union of its clauses').
      {"speaker", "XSPK", true, "Orateur"},
      {"speaker_role", "XSROLE", true, "Qualité"},
      {"group", "XGRP", true, "Groupe"},
  };
  return kFields;
}

const Field* find_field(std::string_view name) {
  for (const auto& f : fields()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const std::vector<Field>& identity_fields() {
  static const std::vector<Field> kFields = {
      {"title", kTitlePrefix, false, "Titre"},
      {"number", kNumberPrefix, false, "Numéro"},
  };
  return kFields;
}

const Field* find_query_field(std::string_view name) {
  if (const Field* f = find_field(name)) return f;
  const std::string folded = analyzers::fold(name);
  const std::string_view title = "title", number = "number";
  for (const auto& f : identity_fields()) {
    if (f.name == folded) return &f;
  }
  if (folded == "titre") return find_query_field(title);
  if (folded == "numero") return find_query_field(number);
  return nullptr;
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One space-separated piece of a number, normalised: "1er", "premier" -> "1"; dots dropped;
// only letters, digits, '-', '*' and '/' kept.
std::string number_piece(std::string_view piece) {
  if (piece == "premier" || piece == "premiere" || piece == "1re" || piece == "1ere") return "1";
  if (piece.size() > 2 && piece.substr(piece.size() - 2) == "er" &&
      is_digit(piece[piece.size() - 3])) {
    piece.remove_suffix(2);
  }
  std::string out;
  for (char c : piece) {
    const auto u = static_cast<unsigned char>(c);
    if (is_digit(c) || (c >= 'a' && c <= 'z') || c == '-' || c == '*' || c == '/' || u >= 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string number_value(std::string_view number) {
  std::string folded = analyzers::fold(number);
  std::string_view rest = folded;
  for (std::string_view sign : {"n\xC2\xB0", "n\xC2\xBA"}) {  // n°, nº
    if (rest.substr(0, sign.size()) == sign) rest.remove_prefix(sign.size());
  }
  std::string out;
  while (!rest.empty()) {
    const std::size_t space = rest.find(' ');
    out += number_piece(rest.substr(0, space));
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return out;
}

std::string number_term(std::string_view prefix, std::string_view number) {
  const std::string value = number_value(number);
  return value.empty() ? std::string() : bounded_term(prefix, value);
}

std::string facet_term(const Field& field, std::string_view value) {
  std::string term(field.prefix);
  term += analyzers::fold(value);
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  return term;
}

std::string bounded_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  if (term.size() <= kMaxTermBytes) return term;
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a, then a 0xFF separator byte
  for (unsigned char c : term) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xFF;
  h *= 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  term.resize(kMaxTermBytes - 17);
  term += '#';
  term += hex;
  return term;
}

namespace {

std::string hex16(std::uint64_t v) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(v));
  return hex;
}

}  // namespace

std::string text_key(std::string_view text, std::string_view document_id) {
  std::string identity = analyzers::identity_text(text);
  if (identity.empty()) {
    identity.assign(1, '\x01');
    identity += document_id;
  }
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (unsigned char c : identity) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return hex16(h == 0 ? 1 : h);  // 0 means "no key" to the searcher
}

std::uint64_t text_key_value(std::string_view key) {
  if (key.size() != 16) return 0;
  std::uint64_t v = 0;
  for (char c : key) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    v = v << 4 | static_cast<std::uint64_t>(d);
  }
  return v;
}

std::string text_term(std::uint64_t value) {
  std::string term(kTextPrefix);
  term += hex16(value);
  return term;
}

std::string reference_term(std::string_view reference) {
  return bounded_term(kReferencePrefix, reference);
}

std::string clause_id(std::string_view document_id, std::size_t index) {
  std::string id(document_id);
  id += '#';
  id += std::to_string(index);
  return id;
}

std::string encode_facets(const FacetList& facets) {
  std::string out;
  for (const auto& [field, value] : facets) {
    if (!out.empty()) out += '\x1E';
    out += field;
    out += '\x1F';
    out += value;
  }
  return out;
}

FacetList decode_facets(std::string_view blob) {
  FacetList out;
  while (!blob.empty()) {
    auto rs = blob.find('\x1E');
    std::string_view record = blob.substr(0, rs);
    auto us = record.find('\x1F');
    if (us != std::string_view::npos) {
      out.emplace_back(std::string(record.substr(0, us)), std::string(record.substr(us + 1)));
    }
    if (rs == std::string_view::npos) break;
    blob.remove_prefix(rs + 1);
  }
  return out;
}

}  // namespace hemicycle::format::schema
