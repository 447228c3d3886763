#include "params.h"

#include <charconv>
#include <optional>

#include "errors.h"
#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/model/french.h"

namespace hemicycle::server {
namespace {

namespace fr = model::french;

ClientError bad_parameter(std::string message) {
  return ClientError{http::status::bad_request, "bad_parameter", std::move(message)};
}

ClientError bad_query(searcher::Notice notice) {
  return ClientError{http::status::bad_request, std::move(notice.code), std::move(notice.message)};
}

// q and filter: what to search for.
void read_query(const Target& t, const ServerOptions& o, searcher::SearchRequest& sr) {
  if (const std::string* q = t.get("q")) sr.query = utf8_param(*q, "q");
  if (sr.query.size() > o.max_query_bytes) throw query_too_long(sr.query.size(), o.max_query_bytes);
  for (const auto& f : t.all("filter")) {
    if (searcher::Notice err = searcher::add_filter(utf8_param(f, "filter"), sr); !err.empty()) {
      throw bad_query(err);
    }
  }
  if (sr.query.empty() && sr.filters.empty() && !sr.date) {
    throw ClientError{http::status::bad_request, "missing_query",
                      "indiquez une recherche dans q (ou un filtre)"};
  }
}

// A switch parameter: 1 or true, 0 or false.
void read_switch(const Target& t, const char* name, bool& into) {
  const std::string* v = t.get(name);
  if (!v) return;
  if (*v == "1" || *v == "true") into = true;
  else if (*v == "0" || *v == "false") into = false;
  else throw bad_parameter(std::string(name) + "\u00a0: 1 ou 0 (true ou false), et non " +
                           fr::quoted(analyzers::sanitize_utf8(*v)));
}

// sort, group, distinct, spell and expand.
void read_order(const Target& t, searcher::SearchRequest& sr) {
  if (const std::string* sort = t.get("sort")) {
    const std::optional<searcher::Sort> order = searcher::sort_from_string(*sort);
    if (!order) {
      throw bad_parameter("sort\u00a0: relevance, date:desc (ou date) ou date:asc, et non " +
                          fr::quoted(analyzers::sanitize_utf8(*sort)));
    }
    sr.sort = *order;
  }
  if (const std::string* group = t.get("group")) {
    if (*group == "document") sr.group_by_document = true;
    else if (*group == "clause") sr.group_by_document = false;
    else throw bad_parameter("group\u00a0: document ou clause, et non " +
                             fr::quoted(analyzers::sanitize_utf8(*group)));
  }
  if (const std::string* distinct = t.get("distinct")) {
    if (*distinct == "true") sr.distinct = true;
    else if (*distinct == "false") sr.distinct = false;
    else throw bad_parameter("distinct\u00a0: true ou false, et non " +
                             fr::quoted(analyzers::sanitize_utf8(*distinct)));
  }
  read_switch(t, "spell", sr.spell);
  read_switch(t, "expand", sr.expand);
}

// date_from, date_to, document and facets.
void read_scope(const Target& t, searcher::SearchRequest& sr) {
  const std::string* from = t.get("date_from");
  const std::string* to = t.get("date_to");
  if (searcher::Notice err = searcher::add_date_bounds(from ? utf8_param(*from, "date_from") : "",
                                                  to ? utf8_param(*to, "date_to") : "", sr);
      !err.empty()) {
    throw bad_query(err);
  }
  if (const std::string* doc = t.get("document")) sr.document_id = utf8_param(*doc, "document");
  if (const std::string* facets = t.get("facets")) {
    sr.facets = split_commas(utf8_param(*facets, "facets"));
  }
}

}  // namespace

std::size_t count_param(const Target& t, const char* name, std::size_t fallback,
                        std::size_t max) {
  const std::string* v = t.get(name);
  if (!v) return fallback;
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (v->empty() || ec != std::errc() || end != v->data() + v->size()) {
    throw bad_parameter(std::string(name) + "\u00a0: un nombre entier est attendu, et non " +
                        fr::quoted(analyzers::sanitize_utf8(*v)));
  }
  if (n > max) {
    throw bad_parameter(std::string(name) + "\u00a0: " + fr::number(max) + " au plus, et non " +
                        fr::quoted(*v));
  }
  return n;
}

ClientError query_too_long(std::size_t bytes, std::size_t max_bytes) {
  return {http::status::bad_request, "query_too_long",
          "la recherche est trop longue\u00a0: " + fr::count(bytes, "octet", "octets") + ", pour " +
              fr::number(max_bytes) + " au plus"};
}

std::string utf8_param(const std::string& value, const char* name) {
  if (!analyzers::is_valid_utf8(value)) {
    throw ClientError{http::status::bad_request, "bad_encoding",
                      std::string(name) + " n’est pas de l’UTF-8 valide une fois les %XX décodés"};
  }
  return value;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    auto comma = s.find(',', start);
    std::string item = s.substr(start, comma == std::string::npos ? std::string::npos
                                                                  : comma - start);
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

searcher::SearchRequest search_request(const Target& t, const ServerOptions& o) {
  searcher::SearchRequest sr;
  read_query(t, o, sr);
  sr.limit = count_param(t, "limit", 10, o.max_limit);
  sr.offset = count_param(t, "offset", 0, o.max_offset);
  read_order(t, sr);
  read_scope(t, sr);
  read_switch(t, "prefix", sr.prefix_last);
  return sr;
}

}  // namespace hemicycle::server
