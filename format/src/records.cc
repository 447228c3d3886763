#include "hemicycle/format/records.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace hemicycle::format {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;
using Strings = std::vector<std::string>;

// The document record's keys, in the order they are written. One table serves encoding,
// decoding and display, so that the three never disagree.
struct DocumentKey {
  const char* key;
  std::string StoredDocument::*text = nullptr;
  Strings StoredDocument::*list = nullptr;
  std::size_t StoredDocument::*count = nullptr;
  bool always = false;  // written even when empty or 0
  bool extras = false;  // the object of other fields
};

const std::vector<DocumentKey>& document_keys() {
  using D = StoredDocument;
  static const std::vector<DocumentKey> kKeys = {
      {"id", &D::id, nullptr, nullptr, true},
      {"title", &D::title},
      {"type", &D::type},
      {"institution", &D::institution},
      {"date", &D::date},
      {"legislature", &D::legislature},
      {"place", &D::place},
      {"signatories", nullptr, &D::signatories},
      {"signatory_role", &D::signatory_role},
      {"outcome", &D::outcome},
      {"texte_ref", &D::texte_ref},
      {"dossier_ref", &D::dossier_ref},
      {"sitting", &D::sitting},
      {"sitting_of_day", nullptr, nullptr, &D::sitting_of_day},
      {"presiding", nullptr, &D::presiding},
      {"source", &D::source},
      {"origin", &D::origin},
      {"line", nullptr, nullptr, &D::line},
      {"cites", nullptr, &D::cites},
      {"territories", nullptr, &D::territories},
      {"countries", nullptr, &D::countries},
      {"extras", nullptr, nullptr, nullptr, false, true},
      {"clauses", nullptr, nullptr, &D::clauses, true},
      {"text_bytes", nullptr, nullptr, &D::text_bytes, true},
  };
  return kKeys;
}

void write_key(Writer& w, const char* key) { w.Key(key); }

void write_entry(Writer& w, const DocumentKey& k, const StoredDocument& d) {
  if (k.text) {
    if (!k.always && (d.*k.text).empty()) return;
    write_key(w, k.key);
    w.String(d.*k.text);
  } else if (k.list) {
    if ((d.*k.list).empty()) return;
    write_key(w, k.key);
    w.StartArray();
    for (const auto& v : d.*k.list) w.String(v);
    w.EndArray();
  } else if (k.count) {
    if (!k.always && d.*k.count == 0) return;
    write_key(w, k.key);
    w.Uint64(d.*k.count);
  } else if (k.extras && !d.extras.empty()) {
    write_key(w, k.key);
    w.StartObject();
    for (const auto& [name, value] : d.extras) {
      w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
      w.String(value);
    }
    w.EndObject();
  }
}

void read_entry(const rapidjson::Value& v, const DocumentKey& k, StoredDocument* d) {
  if (k.text && v.IsString()) {
    (d->*k.text).assign(v.GetString(), v.GetStringLength());
  } else if (k.list && v.IsArray()) {
    auto& list = d->*k.list;
    list.clear();
    for (const auto& item : v.GetArray()) {
      if (item.IsString()) list.emplace_back(item.GetString(), item.GetStringLength());
    }
  } else if (k.count && v.IsUint64()) {
    d->*k.count = static_cast<std::size_t>(v.GetUint64());
  } else if (k.extras && v.IsObject()) {
    d->extras.clear();
    for (const auto& e : v.GetObject()) {
      if (!e.value.IsString()) continue;
      d->extras.emplace_back(std::string(e.name.GetString(), e.name.GetStringLength()),
                             std::string(e.value.GetString(), e.value.GetStringLength()));
    }
  }
}

std::string joined(const Strings& list) {
  std::string out;
  for (const auto& v : list) {
    if (!out.empty()) out += "; ";
    out += v;
  }
  return out;
}

bool parse_object(std::string_view json, rapidjson::Document* j) {
  j->Parse(json.data(), json.size());
  return !j->HasParseError() && j->IsObject();
}

std::string text_of(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  if (it == obj.MemberEnd() || !it->value.IsString()) return {};
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::string finish(const rapidjson::StringBuffer& buf) {
  return std::string(buf.GetString(), buf.GetSize());
}

void write_text(Writer& w, const char* key, const std::string& value) {
  if (value.empty()) return;
  w.Key(key);
  w.String(value);
}

// The speech fields of a clause record, each left out when empty.
void write_speech(Writer& w, const StoredClause& c) {
  write_text(w, "speaker", c.speaker);
  write_text(w, "speaker_label", c.speaker_label);
  write_text(w, "speaker_role", c.speaker_role);
  write_text(w, "speaker_kind", c.speaker_kind);
  write_text(w, "group", c.group);
  if (!c.headings.empty()) {
    w.Key("headings");
    w.StartArray();
    for (const auto& h : c.headings) w.String(h);
    w.EndArray();
  }
  write_text(w, "amendment", c.amendment);
  if (!c.directions.empty()) {
    w.Key("directions");
    w.StartArray();
    for (const auto& [begin, end] : c.directions) {
      w.StartArray();
      w.Uint64(begin);
      w.Uint64(end);
      w.EndArray();
    }
    w.EndArray();
  }
}

void read_speech(const rapidjson::Value& j, StoredClause* c) {
  c->speaker = text_of(j, "speaker");
  c->speaker_label = text_of(j, "speaker_label");
  c->speaker_role = text_of(j, "speaker_role");
  c->speaker_kind = text_of(j, "speaker_kind");
  c->group = text_of(j, "group");
  c->amendment = text_of(j, "amendment");
  c->headings.clear();
  auto h = j.FindMember("headings");
  if (h != j.MemberEnd() && h->value.IsArray()) {
    for (const auto& v : h->value.GetArray()) {
      if (v.IsString()) c->headings.emplace_back(v.GetString(), v.GetStringLength());
    }
  }
  c->directions.clear();
  auto d = j.FindMember("directions");
  if (d == j.MemberEnd() || !d->value.IsArray()) return;
  for (const auto& span : d->value.GetArray()) {
    if (!span.IsArray() || span.Size() != 2 || !span[0].IsUint64() || !span[1].IsUint64()) continue;
    c->directions.emplace_back(span[0].GetUint64(), span[1].GetUint64());
  }
}

}  // namespace

std::string encode(const StoredClause& c) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();  // the document id is in schema::kSlotDocId: not repeated here
  w.Key("index");
  w.Uint64(c.index);
  w.Key("kind");
  w.String(c.kind);
  if (!c.number.empty()) {
    w.Key("number");
    w.String(c.number);
  }
  if (!c.lead.empty()) {
    w.Key("lead");
    w.String(c.lead);
  }
  w.Key("text");
  w.String(c.text);
  write_speech(w, c);
  w.EndObject();
  return finish(buf);
}

bool decode(std::string_view json, StoredClause* c) {
  rapidjson::Document j;
  if (!parse_object(json, &j)) return false;
  auto index = j.FindMember("index");
  if (index != j.MemberEnd() && index->value.IsUint64()) c->index = index->value.GetUint64();
  c->kind = text_of(j, "kind");
  c->number = text_of(j, "number");
  c->lead = text_of(j, "lead");
  c->text = text_of(j, "text");
  read_speech(j, c);
  return true;
}

std::string encode(const StoredDocument& d) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  for (const auto& k : document_keys()) write_entry(w, k, d);
  w.EndObject();
  return finish(buf);
}

bool decode(std::string_view json, StoredDocument* d) {
  rapidjson::Document j;
  if (!parse_object(json, &j)) return false;
  for (const auto& k : document_keys()) {
    auto it = j.FindMember(k.key);
    if (it != j.MemberEnd()) read_entry(it->value, k, d);
  }
  return true;
}

std::vector<std::pair<std::string, std::string>> display_fields(const StoredDocument& d) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& k : document_keys()) {
    if (k.text && (k.always || !(d.*k.text).empty())) out.emplace_back(k.key, d.*k.text);
    if (k.list && !(d.*k.list).empty()) out.emplace_back(k.key, joined(d.*k.list));
    if (k.count && (k.always || d.*k.count != 0)) out.emplace_back(k.key, std::to_string(d.*k.count));
    if (k.extras) out.insert(out.end(), d.extras.begin(), d.extras.end());
  }
  return out;
}

}  // namespace hemicycle::format
