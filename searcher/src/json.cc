#include "hemicycle/searcher/json.h"

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

}  // namespace

std::string to_json(const SearchResult& r) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "query", r.query);
  w.Key("total");
  w.Uint64(r.total);
  w.Key("offset");
  w.Uint64(r.offset);
  w.Key("limit");
  w.Uint64(r.limit);
  w.Key("group");
  w.String(r.grouped ? "document" : "clause");
  w.Key("sort");
  w.String(r.sort == Sort::kDate ? "date" : "relevance");
  w.Key("took_ms");
  w.Double(static_cast<double>(static_cast<long long>(r.took_ms * 1000)) / 1000);
  w.Key("timed_out");
  w.Bool(r.timed_out);
  w.Key("notes");
  w.StartArray();
  for (const auto& n : r.notes) w.String(n);
  w.EndArray();
  w.Key("hits");
  w.StartArray();
  for (const auto& h : r.hits) {
    w.StartObject();
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
    w.Key("score");
    w.Double(h.score);
    w.Key("matching_clauses");
    w.Uint64(h.matching_clauses);
    w.Key("match");
    w.String(to_string(h.tier));
    w.EndObject();
  }
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const auto& f : r.facets) {
    w.Key(f.field.c_str(), static_cast<rapidjson::SizeType>(f.field.size()));
    w.StartArray();
    for (const auto& v : f.values) {
      w.StartObject();
      field(w, "value", v.value);
      w.Key("count");
      w.Uint64(v.count);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
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
  w.Key("clauses");
  w.StartArray();
  for (const auto& c : d.clauses) {
    w.StartObject();
    field(w, "id", c.id);
    w.Key("index");
    w.Uint64(c.index);
    field(w, "kind", c.kind);
    field(w, "number", c.number);
    if (!c.lead.empty()) field(w, "lead", c.lead);
    field(w, "text", c.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

std::string to_json(const std::string& query, const std::vector<Suggestion>& suggestions) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  field(w, "query", query);
  w.Key("suggestions");
  w.StartArray();
  for (const auto& s : suggestions) {
    w.StartObject();
    field(w, "word", s.word);
    field(w, "query", s.query);
    w.Key("documents");
    w.Uint64(s.documents);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
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
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace hemicycle::searcher
