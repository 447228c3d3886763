#include "hemicycle/searcher/json.h"

#include <cstdint>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hemicycle::searcher {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void ranges(Writer& w, const char* key, const std::vector<Range>& rs) {
  w.Key(key);
  w.StartArray();
  for (const auto& r : rs) {
    w.StartArray();
    w.Uint64(r.begin);
    w.Uint64(r.end);
    w.EndArray();
  }
  w.EndArray();
}

void field(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value);
}

void number(Writer& w, const char* key, std::uint64_t value) {
  w.Key(key);
  w.Uint64(value);
}

// `key`: [ one object per item, written by `write(w, item)` ].
template <typename Items, typename Write>
void objects(Writer& w, const char* key, const Items& items, Write write) {
  w.Key(key);
  w.StartArray();
  for (const auto& item : items) {
    w.StartObject();
    write(w, item);
    w.EndObject();
  }
  w.EndArray();
}

// The speech fields of a clause, flat in its object, each left out when empty.
void speech(Writer& w, const SpeechFields& s) {
  if (s.empty()) return;
  for (const auto& [key, value] :
       {std::pair{"speaker", &s.speaker}, std::pair{"speaker_label", &s.speaker_label},
        std::pair{"speaker_role", &s.speaker_role}, std::pair{"speaker_kind", &s.speaker_kind},
        std::pair{"group", &s.group}, std::pair{"amendment", &s.amendment},
        std::pair{"amendment_id", &s.amendment_id}}) {
    if (!value->empty()) field(w, key, *value);
  }
  if (!s.headings.empty()) {
    w.Key("headings");
    w.StartArray();
    for (const auto& heading : s.headings) w.String(heading);
    w.EndArray();
  }
  if (!s.directions.empty()) ranges(w, "directions", s.directions);
}

void hit(Writer& w, const Hit& h) {
  field(w, "document_id", h.document_id);
  field(w, "title", h.title);
  field(w, "type", h.type);
  field(w, "institution", h.institution);
  field(w, "date", h.date);
  field(w, "clause_id", h.clause_id);
  field(w, "kind", h.kind);
  field(w, "number", h.number);
  field(w, "text", h.text);
  ranges(w, "highlights", h.highlights);
  field(w, "snippet", h.snippet);
  ranges(w, "snippet_highlights", h.snippet_highlights);
  speech(w, h.speech);
  w.Key("score");
  w.Double(h.score);
  number(w, "matching_clauses", h.matching_clauses);
  w.Key("match");
  w.String(to_string(h.tier));
  w.Key("missing");
  w.StartArray();
  for (const auto& m : h.missing) w.String(m);
  w.EndArray();
  objects(w, "identical", h.identical, [](Writer& o, const IdenticalDocument& d) {
    field(o, "document_id", d.document_id);
    field(o, "title", d.title);
    field(o, "date", d.date);
    o.Key("signatories");
    o.StartArray();
    for (const auto& s : d.signatories) o.String(s);
    o.EndArray();
  });
}

void facets(Writer& w, const std::vector<Facet>& fs, bool partial) {
  w.Key("facets_count");
  w.String(partial ? "some_words" : "all_words");
  w.Key("facets");
  w.StartObject();
  for (const auto& f : fs) {
    w.Key(f.field.c_str(), static_cast<rapidjson::SizeType>(f.field.size()));
    w.StartArray();
    for (const auto& v : f.values) {
      w.StartObject();
      field(w, "value", v.value);
      number(w, "count", v.count);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

std::string text_of(const rapidjson::StringBuffer& buf) {
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

std::string to_json(const SearchResult& r) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "query", r.query);
  if (!r.corrected.empty()) field(w, "corrected", r.corrected);
  w.Key("suggestions");
  w.StartArray();
  for (const auto& s : r.suggestions) w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
  number(w, "total", r.total);
  number(w, "total_partial", r.total_partial);
  number(w, "offset", r.offset);
  number(w, "limit", r.limit);
  w.Key("group");
  w.String(r.grouped ? "document" : "clause");
  w.Key("distinct");
  w.Bool(r.distinct);
  number(w, "total_distinct", r.total_distinct);
  w.Key("sort");
  w.String(sort_name(r.sort));
  w.Key("took_ms");
  w.Double(static_cast<double>(static_cast<long long>(r.took_ms * 1000)) / 1000);
  w.Key("timed_out");
  w.Bool(r.timed_out);
  w.Key("notes");
  w.StartArray();
  for (const auto& n : r.notes) {
    w.StartObject();
    w.Key("code");
    w.String(n.code);
    w.Key("message");
    w.String(n.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("expansions");
  w.StartArray();
  for (const auto& e : r.expansions) {
    w.StartObject();
    field(w, "words", e.words);
    w.Key("also");
    w.StartArray();
    for (const auto& label : e.also) w.String(label);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  objects(w, "hits", r.hits, hit);
  facets(w, r.facets, r.facets_partial);
  w.EndObject();
  return text_of(buf);
}

std::string to_json(const DocumentView& d) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "id", d.id);
  w.Key("metadata");
  if (d.metadata.id.empty()) {
    w.StartObject();
    w.EndObject();
  } else {
    const std::string metadata = format::encode(d.metadata);  // the stored record as it is
    w.RawValue(metadata.data(), metadata.size(), rapidjson::kObjectType);
  }
  objects(w, "clauses", d.clauses, [](Writer& o, const auto& c) {
    field(o, "id", c.id);
    number(o, "index", c.index);
    field(o, "kind", c.kind);
    field(o, "number", c.number);
    if (!c.lead.empty()) field(o, "lead", c.lead);
    field(o, "text", c.text);
    speech(o, c.speech);
  });
  w.EndObject();
  return text_of(buf);
}

std::string to_json(const std::string& query, const std::vector<Suggestion>& suggestions) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "query", query);
  objects(w, "suggestions", suggestions, [](Writer& o, const Suggestion& s) {
    field(o, "word", s.word);
    field(o, "query", s.query);
    number(o, "documents", s.documents);
  });
  w.EndObject();
  return text_of(buf);
}

std::string to_json(const std::string& query, const std::vector<Speaker>& speakers) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "query", query);
  objects(w, "speakers", speakers, [](Writer& o, const Speaker& s) {
    field(o, "name", s.name);
    number(o, "speeches", s.speeches);
    if (!s.role.empty()) field(o, "role", s.role);
    if (!s.kind.empty()) field(o, "kind", s.kind);
  });
  w.EndObject();
  return text_of(buf);
}

std::string error_json(std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("error");
  w.StartObject();
  w.Key("code");
  w.String(code.data(), static_cast<rapidjson::SizeType>(code.size()));
  w.Key("message");
  w.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  w.EndObject();
  w.EndObject();
  return text_of(buf);
}

}  // namespace hemicycle::searcher
