#include "hemicycle/format/store.h"

#include <cstdlib>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include <zdict.h>
#include <zstd.h>

namespace hemicycle::format::store {
namespace {

constexpr int kLevel = 3;                     // zstd's default: ~1 s for the bulk corpus
constexpr std::size_t kDictionaryBytes = 112640;  // zstd's default dictionary size
constexpr std::size_t kMinSamples = 100;      // ZDICT needs a few; fewer: no dictionary

}  // namespace

struct Packer::Impl {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CDict* cdict = nullptr;
  std::string samples;
  std::vector<std::size_t> sample_sizes;
  bool gave_up = false;  // training failed: plain frames from now on
  std::optional<std::pair<std::string, std::string>> trained;

  ~Impl() {
    ZSTD_freeCDict(cdict);
    ZSTD_freeCCtx(cctx);
  }

  void use(std::string_view dictionary) {
    ZSTD_freeCDict(cdict);
    cdict = ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
    samples.clear();
    samples.shrink_to_fit();
    sample_sizes.clear();
  }

  void train() {
    std::string dictionary(kDictionaryBytes, '\0');
    const std::size_t n = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(),
                                                samples.data(), sample_sizes.data(),
                                                static_cast<unsigned>(sample_sizes.size()));
    if (ZDICT_isError(n)) {
      gave_up = true;
      samples.clear();
      samples.shrink_to_fit();
      sample_sizes.clear();
      return;
    }
    dictionary.resize(n);
    const unsigned id = ZDICT_getDictID(dictionary.data(), dictionary.size());
    use(dictionary);
    trained.emplace(std::string(kDictionaryPrefix) + std::to_string(id), std::move(dictionary));
  }
};

Packer::Packer() : impl_(std::make_unique<Impl>()) {}
Packer::~Packer() = default;

void Packer::use_dictionary(std::string_view dictionary) {
  if (!dictionary.empty()) impl_->use(dictionary);
}

bool Packer::has_dictionary() const { return impl_->cdict != nullptr; }

std::string Packer::pack(std::string_view payload) {
  Impl& im = *impl_;
  if (!im.cdict && !im.gave_up) {
    im.samples.append(payload);
    im.sample_sizes.push_back(payload.size());
    if (im.samples.size() >= kSampleBytes && im.sample_sizes.size() >= kMinSamples) im.train();
  }
  std::string frame(ZSTD_compressBound(payload.size()), '\0');
  const std::size_t n =
      im.cdict ? ZSTD_compress_usingCDict(im.cctx, frame.data(), frame.size(), payload.data(),
                                          payload.size(), im.cdict)
               : ZSTD_compressCCtx(im.cctx, frame.data(), frame.size(), payload.data(),
                                   payload.size(), kLevel);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  frame.resize(n);
  return frame;
}

std::optional<std::pair<std::string, std::string>> Packer::take_trained() {
  auto t = std::move(impl_->trained);
  impl_->trained.reset();
  return t;
}

struct Unpacker::Impl {
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  std::unordered_map<unsigned, ZSTD_DDict*> dictionaries;

  ~Impl() {
    for (auto& [id, d] : dictionaries) ZSTD_freeDDict(d);
    ZSTD_freeDCtx(dctx);
  }
};

Unpacker::Unpacker() : impl_(std::make_unique<Impl>()) {}
Unpacker::~Unpacker() = default;

void Unpacker::load(const Xapian::Database& db) {
  const std::string prefix(kDictionaryPrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    const std::string key = *k;
    const unsigned id =
        static_cast<unsigned>(std::strtoul(key.c_str() + prefix.size(), nullptr, 10));
    if (id == 0 || impl_->dictionaries.count(id)) continue;
    const std::string bytes = db.get_metadata(key);
    if (ZSTD_DDict* d = ZSTD_createDDict(bytes.data(), bytes.size())) {
      impl_->dictionaries.emplace(id, d);
    }
  }
}

bool Unpacker::unpack(std::string_view frame, std::string* out) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1u << 30)) {
    return false;
  }
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  ZSTD_DDict* dictionary = nullptr;
  if (id != 0) {
    auto it = impl_->dictionaries.find(id);
    if (it == impl_->dictionaries.end()) return false;
    dictionary = it->second;
  }
  out->resize(static_cast<std::size_t>(size));
  const std::size_t n =
      dictionary ? ZSTD_decompress_usingDDict(impl_->dctx, out->data(), out->size(), frame.data(),
                                              frame.size(), dictionary)
                 : ZSTD_decompressDCtx(impl_->dctx, out->data(), out->size(), frame.data(),
                                       frame.size());
  if (ZSTD_isError(n) || n != size) {
    out->clear();
    return false;
  }
  return true;
}

}  // namespace hemicycle::format::store
