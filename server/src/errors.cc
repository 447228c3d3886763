#include "errors.h"

#include <xapian.h>

#include "hemicycle/model/french.h"

namespace hemicycle::server {
namespace {

struct ErrorRule {
  ErrorKind kind;
  http::status status;  // unless the error brings its own (ClientError)
  const char* code;     // idem
  const char* message;  // nullptr: the error's own
  bool drop_searcher;
};

// The one table of error answers. The 503 never repeats Xapian's message, which names
// files by their absolute path; a 500 never names Xapian's classes.
constexpr ErrorRule kErrorRules[] = {
    {ErrorKind::kClient, http::status::bad_request, "bad_request", nullptr, false},
    {ErrorKind::kBadQuery, http::status::bad_request, "bad_query", nullptr, false},
    {ErrorKind::kIndexUnavailable, http::status::service_unavailable, "index_unavailable",
     "l’index ne peut pas être lu pour l’instant\u00a0: réessayez dans un moment", true},
    {ErrorKind::kInternal, http::status::internal_server_error, "internal_error", nullptr,
     false},
};

const ErrorRule& rule_for(ErrorKind kind) {
  for (const auto& rule : kErrorRules) {
    if (rule.kind == kind) return rule;
  }
  return kErrorRules[std::size(kErrorRules) - 1];
}

}  // namespace

ClientError uri_too_long(std::size_t max_bytes) {
  return {http::status::uri_too_long, "uri_too_long",
          "l’URL dépasse " + model::french::count(max_bytes, "octet", "octets")};
}

// Only naming kinds happens here; the clauses follow the class hierarchies (a more
// derived class before its base), their order decides nothing else.
Failure classify(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const ClientError& e) {
    return {ErrorKind::kClient, e.message, e.status, e.code};
  } catch (const searcher::QueryError& e) {
    return {ErrorKind::kBadQuery, e.what(), std::nullopt, e.code()};
  } catch (const searcher::IndexUnavailable& e) {
    return {ErrorKind::kIndexUnavailable, e.what(), std::nullopt, ""};
  } catch (const Xapian::DatabaseError& e) {
    return {ErrorKind::kIndexUnavailable, e.get_msg(), std::nullopt, ""};
  } catch (const Xapian::Error&) {
    return {ErrorKind::kInternal, "la recherche a échoué sur une erreur interne", std::nullopt, ""};
  } catch (...) {
    return {ErrorKind::kInternal, "erreur inattendue", std::nullopt, ""};
  }
}

ErrorAnswer answer_for(const Failure& failure) {
  const ErrorRule& rule = rule_for(failure.kind);
  return {failure.status.value_or(rule.status), failure.code.empty() ? rule.code : failure.code,
          rule.message ? rule.message : failure.message, rule.drop_searcher};
}

Response failure_response(const Request& request, std::exception_ptr error, SearcherSlot& slot) {
  const ErrorAnswer answer = answer_for(classify(error));
  if (answer.drop_searcher) slot.reset();
  return error_response(request, answer.status, answer.code, answer.message);
}

}  // namespace hemicycle::server
