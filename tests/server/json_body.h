#pragma once

// The JSON of an answer, parsed; the test fails (showing the body) when it is not JSON.

#include <string>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "server/server_process.h"

namespace hemicycle::testing {

inline rapidjson::Document parse(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str(), body.size());
  INFO(body);
  REQUIRE_FALSE(d.HasParseError());
  return d;
}

inline rapidjson::Document parse(const HttpResponse& r) { return parse(r.body); }

}  // namespace hemicycle::testing
