#pragma once

// How a request's body is delimited, checked on its header before the body is read: the
// one framing Beast and every proxy in front agree on, or a refusal (request smuggling).

#include <optional>

#include "errors.h"

namespace hemicycle::server {

// Nothing when the body is framed by Content-Length alone or by exactly one
// "Transfer-Encoding: chunked"; otherwise why not: 400 bad_transfer_encoding for a framing
// that is ambiguous or malformed (two Transfer-Encoding fields, Transfer-Encoding with
// Content-Length, a list whose last coding is not chunked, "xchunked"), 501
// unsupported_transfer_encoding for codings before chunked ("gzip, chunked").
std::optional<ClientError> framing_error(const http::request_header<>& header);

}  // namespace hemicycle::server
