#pragma once

// What can go wrong while answering, and how each kind of failure is answered: one table
// (errors.cc), whatever threw.

#include <cstddef>
#include <exception>
#include <optional>
#include <string>

#include "response.h"
#include "searcher_slot.h"

namespace hemicycle::server {

// A problem the client must fix, with its own status and code (thrown by the handlers).
struct ClientError {
  http::status status;
  std::string code;
  std::string message;
};

// 414 uri_too_long: the URL is longer than `max_bytes` (thrown by the router, answered by a
// session whose request line is over the header limit).
ClientError uri_too_long(std::size_t max_bytes);

enum class ErrorKind {
  kClient,            // a ClientError
  kBadQuery,          // searcher::QueryError: a malformed query or filter
  kIndexUnavailable,  // the index cannot be opened or read
  kInternal,          // anything else
};

// An exception, by kind, with what it says.
struct Failure {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;
  std::optional<http::status> status;  // a ClientError's own
  std::string code;                    // a ClientError's own
};

// The kind of `error`: ClientError; searcher::QueryError; searcher::IndexUnavailable or
// Xapian::DatabaseError (opening, reading, a corrupt or replaced database); any other
// Xapian::Error or exception.
Failure classify(std::exception_ptr error);

// How a failure is answered.
struct ErrorAnswer {
  http::status status;
  std::string code;
  std::string message;
  bool drop_searcher;  // the index is lost: the next request opens it afresh
};
ErrorAnswer answer_for(const Failure& failure);

// The JSON error answering `error` (dropping the slot's Searcher if the index is lost).
Response failure_response(const Request& request, std::exception_ptr error, SearcherSlot& slot);

}  // namespace hemicycle::server
