// GET /api/schema: the facet fields and the clause kinds with their French labels, from
// the tables the index format and the CLI use (format/schema.h, model/document.h), so that
// the page never keeps its own copy.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "api.h"
#include "hemicycle/format/schema.h"
#include "hemicycle/model/document.h"

namespace hemicycle::server {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void named(Writer& w, std::string_view name, std::string_view label) {
  w.StartObject();
  w.Key("name");
  w.String(name.data(), static_cast<rapidjson::SizeType>(name.size()));
  w.Key("label");
  w.String(label.data(), static_cast<rapidjson::SizeType>(label.size()));
  w.EndObject();
}

std::string render_schema() {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  w.Key("facets");  // in the order facets are shown
  w.StartArray();
  for (const auto& field : format::schema::fields()) named(w, field.name, field.label);
  w.EndArray();
  w.Key("kinds");  // in the order of the texts
  w.StartArray();
  for (int k = 0; k < model::kClauseKindCount; ++k) {
    const auto kind = static_cast<model::ClauseKind>(k);
    named(w, model::to_string(kind), model::label(kind));
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

}  // namespace

const std::string& schema_json() {
  static const std::string kDocument = render_schema();
  return kDocument;
}

}  // namespace hemicycle::server
