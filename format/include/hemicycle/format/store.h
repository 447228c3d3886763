#pragma once

// What the index keeps of each clause and document to show it (the JSON of a clause: kind,
// number, text; of a document: its metadata) is stored compressed in value slot
// schema::kSlotStored, as one zstd frame each.
//
// A clause is a few hundred bytes: too short for a compressor on its own (zlib, which
// Xapian applies to its document data, gained 1.4x on them). So, as Lucene-style stores and
// zstd's own documentation advise for small records, the index trains a zstd dictionary on
// the first clauses it receives (kSampleBytes of them) and compresses everything after with
// it: 2.7x on the bulk corpus. The dictionary is saved in the database's metadata under
// kDictionaryPrefix + its id, which every zstd frame names, so a database merged from parts
// that each trained their own, or several databases searched as one, decode every frame.
// The frames written before a dictionary existed simply name none.
//
// Storing the frames in a value slot rather than as Xapian document data also spares the
// writer from deflating each one again (Xapian compresses document data with zlib).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <xapian.h>

namespace hemicycle::format::store {

// Metadata: kDictionaryPrefix + decimal dictionary id -> the dictionary's bytes.
inline constexpr std::string_view kDictionaryPrefix = "hemicycle:zdict:";
// Metadata: the id of the dictionary new documents are compressed with.
inline constexpr std::string_view kCurrentDictionaryKey = "hemicycle:zdict";
// Bytes of payloads collected before a dictionary is trained.
inline constexpr std::size_t kSampleBytes = 4 << 20;

// Compresses payloads. Not thread-safe: one per thread.
class Packer {
 public:
  Packer();
  ~Packer();
  Packer(const Packer&) = delete;
  Packer& operator=(const Packer&) = delete;

  // Compresses with this dictionary from now on (the one of the index being updated).
  void use_dictionary(std::string_view dictionary);
  bool has_dictionary() const;
  // One zstd frame holding `payload`. Until there is a dictionary, payloads are also kept
  // as training samples; at kSampleBytes a dictionary is trained and used from then on.
  std::string pack(std::string_view payload);
  // The dictionary trained since the last call, if any: its metadata key and its bytes,
  // to be written in the same commit as the first frames that need it.
  std::optional<std::pair<std::string, std::string>> take_trained();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Decompresses payloads. Not thread-safe: one per thread.
class Unpacker {
 public:
  Unpacker();
  ~Unpacker();
  Unpacker(const Unpacker&) = delete;
  Unpacker& operator=(const Unpacker&) = delete;

  // Adds the dictionaries stored in a database (several databases: call for each).
  void load(const Xapian::Database& db);
  // The payload of a stored frame into *out. False if the frame is damaged, or needs a
  // dictionary not loaded (load() again after a reopen: a writer may have added one).
  bool unpack(std::string_view frame, std::string* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hemicycle::format::store
