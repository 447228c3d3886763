#include "hemicycle/analyzers/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>
#include <string>

namespace hemicycle::analyzers {

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(const char* language) : stemmer_(sb_stemmer_new(language, "UTF_8")) {
  if (!stemmer_) {
    throw std::runtime_error(std::string("libstemmer has no stemmer for language: ") +
                             (language ? language : "(null)"));
  }
}

Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;
Stemmer::~Stemmer() = default;

std::string_view Stemmer::stem(std::string_view word) {
  // A moved-from stemmer, or libstemmer out of memory: the word is its own stem.
  if (!stemmer_) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return {reinterpret_cast<const char*>(out),
          static_cast<std::size_t>(sb_stemmer_length(stemmer_.get()))};
}

}  // namespace hemicycle::analyzers
