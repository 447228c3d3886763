#include "folders.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include <xapian.h>

#include "hemicycle/indexer/pipeline.h"

namespace hemicycle::indexer::internal {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void not_writable(const std::string& path, int error) {
  throw FolderNotWritable(path, error);
}

std::string old_path(const std::string& db) { return db + ".old"; }

bool exists(const std::string& path) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(path, ec));
}

std::string parent_of(const std::string& db) {
  const fs::path parent = fs::path(db).parent_path();
  return parent.empty() ? "." : parent.string();
}

bool writable(const std::string& path) {
  return ::faccessat(AT_FDCWD, path.c_str(), W_OK | X_OK, AT_EACCESS) == 0;
}

// What a build beside DIR made; the parts of the layout before DIR.new too (they sat
// beside DIR as DIR.partN). Returns the first error, having tried every folder.
std::error_code remove_build(const std::string& db) {
  std::error_code first;
  auto remove = [&first](const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
    if (ec && !first) first = ec;
  };
  const std::string building = building_path(db);
  remove(compact_path(db));
  for (unsigned i = 0; i <= kMaxShards; ++i) {
    remove(part_path(building, i));
    if (i > 0) remove(db + ".part" + std::to_string(i));
  }
  return first;
}

// The renames made durable (a power cut, not only a kill, then finds them done).
void sync_parent(const std::string& db) {
  const std::string parent = parent_of(db);
  const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

std::string without_trailing_slash(std::string db) {
  while (db.size() > 1 && db.back() == '/') db.pop_back();
  return db;
}

WriterLock::WriterLock(const std::string& db) {
  // Said first, in these words, rather than as a failure to create DIR.lock or DIR.new.
  const std::string parent = parent_of(db);
  if (!writable(parent)) not_writable(parent, errno);
  const std::string path = db + ".lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) not_writable(path, errno);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK) {
      throw Xapian::DatabaseLockError("Unable to get write lock on " + db + ": " + path +
                                      " is held by another run");
    }
    not_writable(path, error);
  }
  // DIR itself read-only (the lock file beside it could be made): said so now, not as
  // Xapian's "Unable to get write lock" once opened.
  if (exists(db) && !writable(db)) {
    const int error = errno;
    ::close(fd_);
    not_writable(db, error);
  }
}

WriterLock::~WriterLock() { ::close(fd_); }  // closing it releases the lock

std::string building_path(const std::string& db) { return db + ".new"; }

std::string part_path(const std::string& building, unsigned i) {
  return i == 0 ? building : building + ".part" + std::to_string(i);
}

std::string compact_path(const std::string& db) { return db + ".compact"; }

void recover(const std::string& db) {
  const std::string building = building_path(db);
  const std::string old = old_path(db);
  if (!exists(db) && exists(old)) {
    // Killed between the two renames of switch_in(): DIR.new is complete, finish the
    // switch; without it (removed by hand), put the old index back.
    fs::rename(exists(building) ? building : old, db);
    sync_parent(db);
  }
  fs::remove_all(old);
  if (const std::error_code ec = remove_build(db)) {
    throw fs::filesystem_error("cannot remove what a killed run left", building, ec);
  }
}

void discard_build(const std::string& db) { remove_build(db); }

void switch_in(const std::string& db) {
  // Without DIR, an empty DIR.old all the same: it tells recover() that DIR.new is complete.
  if (exists(db)) {
    fs::rename(db, old_path(db));
  } else {
    fs::create_directory(old_path(db));
  }
  kill_point("between-renames");
  fs::rename(building_path(db), db);
  sync_parent(db);
  kill_point("before-cleanup");
  fs::remove_all(old_path(db));
}

void kill_point(std::string_view stage) {
  const char* at = std::getenv("HEMICYCLE_INDEX_KILL_AT");
  if (at != nullptr && stage == at) ::raise(SIGKILL);
}

}  // namespace hemicycle::indexer::internal

namespace hemicycle::indexer {

FolderNotWritable::FolderNotWritable(std::string path, int error)
    : std::runtime_error("cannot write " + path + ": " + std::strerror(error)),
      path_(std::move(path)),
      error_(error) {}

}  // namespace hemicycle::indexer
