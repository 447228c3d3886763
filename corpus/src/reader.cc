#include "hemicycle/corpus/reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/corpus/extract.h"
#include "hemicycle/corpus/segmenter.h"
#include "hemicycle/model/french.h"
#include "rapidjson/reader.h"
#include "read_errors.h"
#include "text_util.h"

namespace hemicycle::corpus {
namespace {

namespace fs = std::filesystem;
namespace fr = model::french;

// The warnings' French typography: "\u00a0: " and "\u00a0; " between their parts.
constexpr const char* kColon = "\u00a0: ";
constexpr const char* kSemicolon = "\u00a0; ";

// ---------------------------------------------------------------------------------
// Byte sources.

class Source {
 public:
  virtual ~Source() = default;
  // Reads up to n bytes; returns the count, 0 at the end, or -1 on error (see error()).
  virtual std::ptrdiff_t read(char* buf, std::size_t n) = 0;
  virtual std::string error() const = 0;
  // Bytes of the underlying file consumed so far (compressed bytes for gzip).
  virtual std::uint64_t offset() const { return 0; }
};

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

class FileSource : public Source {
 public:
  explicit FileSource(std::FILE* f) : file_(f) {}
  std::ptrdiff_t read(char* buf, std::size_t n) override {
    const std::size_t got = std::fread(buf, 1, n, file_.get());
    if (got == 0 && std::ferror(file_.get())) return -1;
    return static_cast<std::ptrdiff_t>(got);
  }
  std::string error() const override { return "erreur de lecture"; }
  std::uint64_t offset() const override {
    long at = std::ftell(file_.get());
    return at < 0 ? 0 : static_cast<std::uint64_t>(at);
  }

 private:
  std::unique_ptr<std::FILE, FileCloser> file_;
};

struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

class GzSource : public Source {
 public:
  explicit GzSource(gzFile f) : file_(f) { gzbuffer(f, 1 << 18); }
  std::ptrdiff_t read(char* buf, std::size_t n) override {
    const unsigned chunk = static_cast<unsigned>(std::min<std::size_t>(n, 1u << 30));
    const int got = gzread(file_.get(), buf, chunk);
    if (got < 0) return -1;
    if (got == 0) {
      // A truncated stream reads as a clean end with an error state.
      int errnum = Z_OK;
      gzerror(file_.get(), &errnum);
      if (errnum != Z_OK && errnum != Z_STREAM_END) return -1;
    }
    return got;
  }
  std::string error() const override {
    int errnum = Z_OK;
    gzerror(file_.get(), &errnum);
    return internal::gzip_error_text(errnum);
  }
  std::uint64_t offset() const override {
    z_off_t at = gzoffset(file_.get());
    return at < 0 ? 0 : static_cast<std::uint64_t>(at);
  }

 private:
  std::unique_ptr<gzFile_s, GzCloser> file_;
};

class StreamSource : public Source {
 public:
  explicit StreamSource(std::istream& in) : in_(in) {}
  std::ptrdiff_t read(char* buf, std::size_t n) override {
    if (!in_.good()) return in_.bad() ? -1 : 0;
    in_.read(buf, static_cast<std::streamsize>(n));
    const std::streamsize got = in_.gcount();
    if (got == 0 && in_.bad()) return -1;
    return static_cast<std::ptrdiff_t>(got);
  }
  std::string error() const override { return "erreur de lecture du flux"; }

 private:
  std::istream& in_;
};

// Splits a source into lines. Each line is handed out NUL-terminated in a mutable buffer
// (for RapidJSON's in-situ parsing), without its '\n' (and '\r').
class LineReader {
 public:
  explicit LineReader(Source& source) : source_(source), buf_(1 << 20) {}

  // Sets *line (valid until the next call) and returns true, or returns false at the end
  // or on a read error (then failed() is true and the partial line is dropped).
  bool next(char** line, std::size_t* length) {
    while (true) {
      char* nl = static_cast<char*>(std::memchr(buf_.data() + scan_, '\n', end_ - scan_));
      if (nl != nullptr) {
        const std::size_t pos = static_cast<std::size_t>(nl - buf_.data());
        return emit(pos, pos + 1, line, length);
      }
      scan_ = end_;
      if (eof_) {
        if (start_ == end_) return false;
        if (end_ == buf_.size()) buf_.push_back('\0');
        return emit(end_, end_, line, length);
      }
      fill();
      if (failed_) return false;
    }
  }

  bool failed() const { return failed_; }
  std::string error() const { return source_.error(); }

 private:
  bool emit(std::size_t stop, std::size_t next, char** line, std::size_t* length) {
    std::size_t len = stop - start_;
    if (len > 0 && buf_[start_ + len - 1] == '\r') --len;
    buf_[start_ + len] = '\0';
    *line = buf_.data() + start_;
    *length = len;
    start_ = scan_ = next;
    return true;
  }

  void fill() {
    if (start_ > 0) {
      std::memmove(buf_.data(), buf_.data() + start_, end_ - start_);
      end_ -= start_;
      scan_ -= start_;
      start_ = 0;
    }
    if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
    const std::ptrdiff_t got = source_.read(buf_.data() + end_, buf_.size() - end_);
    if (got < 0) {
      failed_ = true;
    } else if (got == 0) {
      eof_ = true;
    } else {
      end_ += static_cast<std::size_t>(got);
    }
  }

  Source& source_;
  std::vector<char> buf_;
  std::size_t start_ = 0;  // first byte of the current line
  std::size_t scan_ = 0;   // where to look for the next '\n'
  std::size_t end_ = 0;    // end of valid data
  bool eof_ = false;
  bool failed_ = false;
};

// ---------------------------------------------------------------------------------
// JSON fields -> Document.

// SAX handler filling a Document from one JSON object (JSON Lines line or sidecar).
// Deeper records are refused: no document of ours nests more than a few levels.
constexpr int kMaxJsonDepth = 64;

class FieldHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, FieldHandler> {
 public:
  FieldHandler(model::Document* doc, bool take_text) : doc_(doc), take_text_(take_text) {}

  bool root_is_object() const { return root_object_; }
  bool has_id() const { return has_id_; }
  bool has_text() const { return has_text_; }

  bool StartObject() {
    if (depth_ == 0) root_object_ = true;
    return ++depth_ <= kMaxJsonDepth;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth_;
    return true;
  }
  bool StartArray() {
    if (depth_ == 1) {
      array_key_ = key_;
      array_values_.clear();
    }
    return ++depth_ <= kMaxJsonDepth;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth_;
    if (depth_ == 1 && !array_values_.empty()) {
      if (array_key_ == "signataires" || array_key_ == "signatories" ||
          array_key_ == "signer") {
        for (std::string& v : array_values_) {
          std::vector<std::string> names = split_signatories(v);
          if (names.empty()) names.push_back(internal::normalize_spaces(v));
          for (std::string& n : names) internal::add_unique(doc_->signatories, n);
        }
      }
    }
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType len, bool) {
    if (depth_ == 1) key_.assign(s, len);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType len, bool) {
    if (depth_ == 1) {
      set(std::string_view(s, len), false);
    } else if (depth_ == 2 && !array_key_.empty()) {
      array_values_.emplace_back(s, len);
    }
    return true;
  }
  bool RawNumber(const char* s, rapidjson::SizeType len, bool copy) { return String(s, len, copy); }
  bool Bool(bool b) { return depth_ == 1 ? set(b ? "true" : "false", false) : true; }
  bool Null() { return depth_ == 1 ? set("", true) : true; }
  // Unused with kParseNumbersAsStringsFlag, kept for completeness.
  bool Default() { return true; }

 private:
  bool set(std::string_view value, bool is_null) {
    model::Document& d = *doc_;
    const std::string_view k = key_;
    if (k == "id") {
      d.id.assign(value);
      has_id_ = !d.id.empty();
    } else if (k == "text") {
      if (take_text_) {
        d.text.assign(value);
        has_text_ = !is_null;
      }
    } else if (k == "type") {
      d.type.assign(value);
    } else if (k == "institution") {
      d.institution.assign(value);
    } else if (k == "date") {
      if (internal::is_iso_date(value)) {
        d.date.assign(value.substr(0, 10));
      } else if (!is_null && !value.empty()) {
        d.extras.emplace_back("date", std::string(value));
      }
    } else if (k == "title") {
      d.title.assign(value);
    } else if (k == "source") {
      d.source.assign(value);
    } else if (k == "legislature") {
      d.legislature.assign(value);
    } else if (k == "place") {
      d.place.assign(value);
    } else if (k == "signataires") {
      d.signatories = split_signatories(value);
    } else if (k == "signer") {
      d.signatories.clear();
      if (!value.empty()) d.signatories.push_back(internal::normalize_spaces(value));
    } else if (k == "signer_role") {
      d.signatory_role.assign(value);
    } else if (k == "sort") {
      d.outcome.assign(value);
    } else if (k == "texte_ref") {
      d.texte_ref.assign(value);
    } else if (k == "dossier_ref") {
      d.dossier_ref.assign(value);
    } else if (!is_null) {
      d.extras.emplace_back(key_, std::string(value));
    }
    return true;
  }

  model::Document* doc_;
  bool take_text_;
  int depth_ = 0;
  bool root_object_ = false;
  bool has_id_ = false;
  bool has_text_ = false;
  std::string key_;
  std::string array_key_;
  std::vector<std::string> array_values_;
};

constexpr unsigned kInsituFlags = rapidjson::kParseInsituFlag |
                                  rapidjson::kParseNumbersAsStringsFlag;

// Why a JSON text is not handed to RapidJSON, if it is not: invalid UTF-8 (its validating
// decoder reads the continuation bytes a cut character promises, past the end of the
// buffer) or nesting deeper than kMaxJsonDepth (its recursive parser would overflow the
// stack: 100,000 levels did). One scan, strings skipped.
struct JsonProblem {
  std::size_t offset;
  bool utf8;  // else: too deep
};

std::optional<JsonProblem> json_problem(std::string_view json) {
  if (std::size_t bad = 0; !analyzers::is_valid_utf8(json, &bad)) return JsonProblem{bad, true};
  int depth = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      for (++i; i < json.size() && json[i] != '"'; ++i) i += json[i] == '\\';
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) return JsonProblem{i, false};
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::nullopt;
}

std::string too_deep_message() {
  return "plus de " + std::to_string(kMaxJsonDepth) + " niveaux d’imbrication";
}

// The warning for a JSON Lines record, if it is refused before parsing.
std::optional<std::string> line_problem(std::string_view line) {
  const auto p = json_problem(line);
  if (!p) return std::nullopt;
  const std::string at = std::to_string(p->offset + 1);
  if (p->utf8) return "UTF-8 invalide à l’octet " + at + " de la ligne";
  return std::string("JSON invalide") + kColon + too_deep_message() + " (octet " + at + ")";
}

std::string parse_error_message(const rapidjson::ParseResult& r) {
  return std::string("JSON invalide") + kColon + internal::json_error_text(r.Code()) + " (octet " +
         std::to_string(r.Offset() + 1) + ")";
}

// Nothing to index: only spaces, tabs and line breaks (or what trim() removes).
bool blank(const std::string& text) {
  return internal::trim(text).empty() || text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool blank_line(const char* s, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  }
  return true;
}

// Reads JSON Lines from source; `name` names it in warnings and Document::origin.
std::size_t read_lines(Source& source, const std::string& name, const DocumentSink& on_document,
                       const WarningSink& on_warning) {
  LineReader lines(source);
  rapidjson::Reader reader;
  std::size_t count = 0;
  std::size_t line_no = 0;
  char* line = nullptr;
  std::size_t length = 0;
  while (lines.next(&line, &length)) {
    ++line_no;
    if (blank_line(line, length)) continue;
    model::Document doc;
    if (auto problem = line_problem(std::string_view(line, length))) {
      on_warning(model::Warning{name, line_no, std::move(*problem)});
      continue;
    }
    FieldHandler handler(&doc, /*take_text=*/true);
    rapidjson::InsituStringStream stream(line);
    rapidjson::ParseResult result = reader.Parse<kInsituFlags>(stream, handler);
    if (result.IsError()) {
      on_warning(model::Warning{name, line_no, parse_error_message(result)});
      continue;
    }
    if (stream.Tell() < length) {
      // An embedded NUL byte ended the parse early.
      on_warning(model::Warning{name, line_no, std::string("JSON invalide") + kColon + "octet NUL dans la ligne"});
      continue;
    }
    if (!handler.root_is_object()) {
      on_warning(model::Warning{name, line_no, "pas un objet JSON"});
      continue;
    }
    if (!handler.has_id()) {
      on_warning(model::Warning{name, line_no, "objet sans " + fr::quoted("id") + kColon + "ignoré"});
      continue;
    }
    if (!handler.has_text()) {
      on_warning(model::Warning{name, line_no, "objet sans " + fr::quoted("text") + kColon + "ignoré"});
      continue;
    }
    if (blank(doc.text)) {
      on_warning(model::Warning{name, line_no, fr::quoted("text") + " vide" + kColon + "ignoré"});
      continue;
    }
    doc.origin = name;
    doc.line = line_no;
    doc.input_offset = source.offset();
    on_document(std::move(doc));
    ++count;
  }
  if (lines.failed()) {
    on_warning(model::Warning{name, line_no + 1, lines.error() + kSemicolon + "le reste du fichier est perdu"});
  }
  return count;
}

// ---------------------------------------------------------------------------------
// Files.


// Reads a whole (small) file; false with *error set on failure.
bool slurp(const fs::path& path, std::string* out, std::string* error) {
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    *error = std::string("impossible d’ouvrir") + kColon + fr::system_error(errno);
    return false;
  }
  out->clear();
  char buf[1 << 16];
  while (true) {
    const std::size_t got = std::fread(buf, 1, sizeof buf, f.get());
    out->append(buf, got);
    if (got < sizeof buf) {
      if (std::ferror(f.get())) {
        *error = "erreur de lecture";
        return false;
      }
      break;
    }
  }
  return true;
}

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}
// What a sidecar that cannot be read leaves: the text of NAME.txt, indexed all the same.
constexpr const char* kReadWithout = "texte lu sans elles";

void set_if(std::string& field, std::string&& value) {
  if (!value.empty()) field = std::move(value);
}

// The fields a sidecar gives over those of the document (a .txt has none; a page has its
// title, date, ...): each non-empty field replaces the document's, extras are added.
void overlay(model::Document&& meta, model::Document& doc) {
  set_if(doc.id, std::move(meta.id));
  set_if(doc.type, std::move(meta.type));
  set_if(doc.institution, std::move(meta.institution));
  set_if(doc.date, std::move(meta.date));
  set_if(doc.title, std::move(meta.title));
  set_if(doc.source, std::move(meta.source));
  set_if(doc.legislature, std::move(meta.legislature));
  set_if(doc.place, std::move(meta.place));
  set_if(doc.signatory_role, std::move(meta.signatory_role));
  set_if(doc.outcome, std::move(meta.outcome));
  set_if(doc.texte_ref, std::move(meta.texte_ref));
  set_if(doc.dossier_ref, std::move(meta.dossier_ref));
  if (!meta.signatories.empty()) doc.signatories = std::move(meta.signatories);
  for (auto& extra : meta.extras) doc.extras.push_back(std::move(extra));
}

// The sidecar's fields into `doc` (its text kept); a sidecar that is not a JSON object is
// reported and the text read without it.
void read_sidecar(const fs::path& sidecar, std::string json, model::Document& doc,
                  const WarningSink& on_warning) {
  const std::string file = sidecar.string();
  if (const auto p = json_problem(json)) {
    const std::string at = std::to_string(p->offset + 1);
    on_warning(model::Warning{
        file, line_of_offset(json, p->offset),
        p->utf8 ? "métadonnées en UTF-8 invalide (octet " + at + ")" + kColon + kReadWithout
                : "métadonnées qui ne sont pas du JSON (" + too_deep_message() + " à l’octet " +
                      at + ")" + kColon + kReadWithout});
    return;
  }
  const std::string bytes = json;  // in situ parsing rewrites `json`
  model::Document meta;
  FieldHandler handler(&meta, /*take_text=*/false);
  rapidjson::Reader reader;
  rapidjson::InsituStringStream stream(json.data());
  const rapidjson::ParseResult result = reader.Parse<kInsituFlags>(stream, handler);
  if (result.IsError()) {
    on_warning(model::Warning{file, line_of_offset(bytes, result.Offset()),
                              "métadonnées qui ne sont pas du JSON (" +
                                  internal::json_error_text(result.Code()) + " à l’octet " +
                                  std::to_string(result.Offset() + 1) + ")" + kColon +
                                  kReadWithout});
  } else if (!handler.root_is_object()) {
    on_warning(model::Warning{file, 0, std::string("métadonnées qui ne sont pas un objet JSON") + kColon + kReadWithout});
  } else {
    overlay(std::move(meta), doc);
  }
}


// What every document read from one file gets: its sidecar NAME.json (if any), its id (the
// sidecar's, else the file stem), origin, and the file's size as input offset.
void finish_file(const fs::path& path, model::Document& doc, const WarningSink& on_warning) {
  fs::path sidecar = path;
  sidecar.replace_extension(".json");
  std::error_code ec;
  std::string error;
  if (fs::is_regular_file(sidecar, ec)) {
    std::string json;
    if (slurp(sidecar, &json, &error)) {
      read_sidecar(sidecar, std::move(json), doc, on_warning);
    } else {
      on_warning(model::Warning{sidecar.string(), 0, error + kColon + "texte lu sans ses métadonnées"});
    }
  }
  if (doc.id.empty()) doc.id = path.stem().string();
  doc.origin = path.string();
  doc.line = 0;
  std::error_code size_ec;
  const auto size = fs::file_size(path, size_ec);
  doc.input_offset = size_ec ? 0 : static_cast<std::uint64_t>(size);
}

std::size_t read_txt(const fs::path& path, const DocumentSink& on_document,
                     const WarningSink& on_warning) {
  const std::string name = path.string();
  model::Document doc;
  std::string error;
  if (!slurp(path, &doc.text, &error)) {
    on_warning(model::Warning{name, 0, error});
    return 0;
  }
  if (blank(doc.text)) {
    on_warning(model::Warning{name, 0, std::string("fichier vide") + kColon + "ignoré"});
    return 0;
  }
  std::size_t bad = 0;
  if (!analyzers::is_valid_utf8(doc.text, &bad)) {
    on_warning(model::Warning{name, line_of_offset(doc.text, bad),
                       "UTF-8 invalide (octet " + std::to_string(bad + 1) + " du fichier)" + kColon + "ignoré"});
    return 0;
  }
  finish_file(path, doc, on_warning);
  on_document(std::move(doc));
  return 1;
}

std::size_t read_html_file(const fs::path& path, const DocumentSink& on_document,
                           const WarningSink& on_warning) {
  const std::string name = path.string();
  std::string bytes;
  std::string error;
  if (!slurp(path, &bytes, &error)) {
    on_warning(model::Warning{name, 0, error});
    return 0;
  }
  model::Document doc;
  if (!read_html(bytes, name, &doc, &error)) {
    on_warning(model::Warning{name, 0, error});
    return 0;
  }
  finish_file(path, doc, on_warning);
  on_document(std::move(doc));
  return 1;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

enum class FileKind { kText, kHtml, kJsonl, kJsonlGz, kOther };

FileKind file_kind(const fs::path& path) {
  std::string name = path.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ends_with(name, ".jsonl.gz")) return FileKind::kJsonlGz;
  if (ends_with(name, ".jsonl")) return FileKind::kJsonl;
  if (ends_with(name, ".txt")) return FileKind::kText;
  if (ends_with(name, ".html") || ends_with(name, ".htm")) return FileKind::kHtml;
  return FileKind::kOther;
}

// A NAME.json beside a NAME.txt or NAME.html is that file's sidecar, not a stray file.
bool is_sidecar(const fs::path& path) {
  if (path.extension() != ".json") return false;
  std::error_code ec;
  for (const char* ext : {".txt", ".html", ".htm"}) {
    fs::path text = path;
    text.replace_extension(ext);
    if (fs::is_regular_file(text, ec)) return true;
  }
  return false;
}

void warn_not_corpus(const fs::path& path, const WarningSink& on_warning) {
  on_warning(model::Warning{
      path.string(), 0,
      std::string("pas un fichier du corpus (.txt, .html, .jsonl ou .jsonl.gz attendu)") + kColon +
          "ignoré"});
}

std::size_t read_file(const fs::path& path, FileKind kind, const DocumentSink& on_document,
                      const WarningSink& on_warning) {
  const std::string name = path.string();
  switch (kind) {
    case FileKind::kText:
      return read_txt(path, on_document, on_warning);
    case FileKind::kHtml:
      return read_html_file(path, on_document, on_warning);
    case FileKind::kJsonl: {
      errno = 0;
      std::FILE* f = std::fopen(path.c_str(), "rb");
      if (f == nullptr) {
        on_warning(model::Warning{name, 0, std::string("impossible d’ouvrir") + kColon + fr::system_error(errno)});
        return 0;
      }
      FileSource source(f);
      return read_lines(source, name, on_document, on_warning);
    }
    case FileKind::kJsonlGz: {
      errno = 0;
      gzFile f = gzopen(path.c_str(), "rb");
      if (f == nullptr) {
        on_warning(model::Warning{name, 0, std::string("impossible d’ouvrir") + kColon + fr::system_error(errno)});
        return 0;
      }
      GzSource source(f);
      return read_lines(source, name, on_document, on_warning);
    }
    case FileKind::kOther:
      break;
  }
  return 0;
}

// Segments each document before handing it to `next`.
DocumentSink segmenting(const DocumentSink& next) {
  return [&next](model::Document&& doc) {
    segment(doc);
    next(std::move(doc));
  };
}

}  // namespace

std::size_t read_jsonl(std::istream& in, const std::string& name,
                       const DocumentSink& on_document, const WarningSink& on_warning) {
  StreamSource source(in);
  return read_lines(source, name, segmenting(on_document), on_warning);
}

std::size_t read_path(const std::filesystem::path& path, const DocumentSink& on_document,
                      const WarningSink& on_warning) {
  return read_unsegmented(path, segmenting(on_document), on_warning);
}

std::size_t read_unsegmented(const std::filesystem::path& path, const DocumentSink& on_document,
                             const WarningSink& on_warning) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    on_warning(model::Warning{path.string(), 0,
                       std::string("impossible de lire") + kColon +
                                  fr::system_error(ec ? ec.value() : ENOENT)});
    return 0;
  }
  if (!fs::is_directory(status)) {
    const FileKind kind = file_kind(path);
    if (kind == FileKind::kOther) {
      warn_not_corpus(path, on_warning);
      return 0;
    }
    return read_file(path, kind, on_document, on_warning);
  }
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    on_warning(model::Warning{path.string(), 0, std::string("impossible de parcourir le dossier") + kColon + fr::system_error(ec.value())});
    return 0;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      on_warning(model::Warning{path.string(), 0, std::string("impossible de parcourir le dossier") + kColon + fr::system_error(ec.value())});
      break;
    }
    std::error_code fec;
    if (!it->is_regular_file(fec)) continue;
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::size_t count = 0;
  for (const fs::path& file : files) {
    const FileKind kind = file_kind(file);
    if (kind != FileKind::kOther) {
      count += read_file(file, kind, on_document, on_warning);
    } else if (!is_sidecar(file)) {
      warn_not_corpus(file, on_warning);
    }
  }
  return count;
}

}  // namespace hemicycle::corpus
