#pragma once

// French typography for the messages people read: quotes, counts with their singular or
// plural, grouped digits, decimal commas, system errors. Every user-facing text of the
// indexer and the readers goes through these, so that they all look alike.

#include <cstdint>
#include <string>
#include <string_view>

namespace hemicycle::model::french {

// U+00A0 NO-BREAK SPACE, before : ; ! ? and inside « ».
inline constexpr std::string_view kNbsp = "\u00a0";
// U+202F NARROW NO-BREAK SPACE, between groups of digits.
inline constexpr std::string_view kThinNbsp = "\u202f";

// "«\u00a0text\u00a0»".
std::string quoted(std::string_view text);

// 64501 -> "64\u202f501". Numbers of four digits or fewer are not grouped ("2156"), as
// French typography has it.
std::string number(std::uint64_t n);

// "0 document", "1 document", "2 documents", "10\u202f000 documents": the singular below
// 2, as in French, and the number as number() writes it.
std::string count(std::uint64_t n, std::string_view singular, std::string_view plural);

// 1.26 with 1 decimal -> "1,3" (rounded, decimal comma); 12345.67 -> "12\u202f345,7" (the
// integer part as number() writes it).
std::string decimal(double x, int decimals);

// The French for an errno value ("permission refusée" for EACCES); the C library's text,
// marked as such, for the rare ones without.
std::string system_error(int error);

}  // namespace hemicycle::model::french
