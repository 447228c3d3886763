#pragma once

// What went wrong reading an input, in French, for the readers' warnings: RapidJSON's
// parse errors (rapidjson/error/en.h has them in English only) and zlib's.

#include <string>

#include "rapidjson/error/error.h"

namespace hemicycle::corpus::internal {

// "virgule ou «\u00a0}\u00a0» manquante après un membre d’objet" for
// kParseErrorObjectMissCommaOrCurlyBracket, and so on for every code.
std::string json_error_text(rapidjson::ParseErrorCode code);

// A damaged gzip stream, from gzerror()'s error number ("flux gzip tronqué" for
// Z_BUF_ERROR, the end of a cut file).
std::string gzip_error_text(int zlib_error);

}  // namespace hemicycle::corpus::internal
