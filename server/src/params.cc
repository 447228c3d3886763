#include "params.h"

#include <charconv>

#include "errors.h"
#include "hemicycle/analyzers/analyzer.h"

namespace hemicycle::server {
namespace {

ClientError bad_parameter(std::string message) {
  return ClientError{http::status::bad_request, "bad_parameter", std::move(message)};
}

ClientError bad_query(searcher::Notice notice) {
  return ClientError{http::status::bad_request, std::move(notice.code), std::move(notice.message)};
}

// q and filter: what to search for.
void read_query(const Target& t, const ServerOptions& o, searcher::SearchRequest& sr) {
  if (const std::string* q = t.get("q")) sr.query = utf8_param(*q, "q");
  if (sr.query.size() > o.max_query_bytes) {
    throw ClientError{http::status::bad_request, "query_too_long",
                      "the query is " + std::to_string(sr.query.size()) + " bytes long; at most " +
                          std::to_string(o.max_query_bytes)};
  }
  for (const auto& f : t.all("filter")) {
    if (searcher::Notice err = searcher::add_filter(utf8_param(f, "filter"), sr); !err.empty()) {
      throw bad_query(err);
    }
  }
  if (sr.query.empty() && sr.filters.empty() && !sr.date) {
    throw ClientError{http::status::bad_request, "missing_query",
                      "give a query in q (or a filter)"};
  }
}

// sort and group.
void read_order(const Target& t, searcher::SearchRequest& sr) {
  if (const std::string* sort = t.get("sort")) {
    if (*sort == "relevance") sr.sort = searcher::Sort::kRelevance;
    else if (*sort == "date") sr.sort = searcher::Sort::kDate;
    else throw bad_parameter("sort is relevance or date");
  }
  if (const std::string* group = t.get("group")) {
    if (*group == "document") sr.group_by_document = true;
    else if (*group == "clause") sr.group_by_document = false;
    else throw bad_parameter("group is document or clause");
  }
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
    throw bad_parameter(std::string(name) + " must be a whole number, not « " +
                        analyzers::sanitize_utf8(*v) + " »");
  }
  if (n > max) throw bad_parameter(std::string(name) + " is at most " + std::to_string(max));
  return n;
}

std::string utf8_param(const std::string& value, const char* name) {
  if (!analyzers::is_valid_utf8(value)) {
    throw ClientError{http::status::bad_request, "bad_encoding",
                      std::string(name) + " is not valid UTF-8 once percent-decoded"};
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
  return sr;
}

}  // namespace hemicycle::server
