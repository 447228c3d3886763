#pragma once

// The folders of a run beside the database DIR, and how a run killed at any point is
// recovered by the next one:
//   DIR.lock        an empty file, locked (flock) for the whole run, before anything else
//                   is touched; never removed (removing it would let two runs lock two
//                   different files)
//   DIR.new         a new index being built (part 0 of a build in parts), then the
//                   complete merged index, switched in
//   DIR.new.partN   the other parts of a build in parts; DIR.compact their merge, which
//                   takes the place of DIR.new once the parts are removed
// The switch is rename(DIR, DIR.old), rename(DIR.new, DIR), then DIR.old (the empty index
// DIR held) removed; it only starts once DIR.new is complete and closed, and the only
// build folder left. At the next start, DIR missing with DIR.old present means a kill
// between the two renames: the switch is finished (DIR.new becomes DIR), or, without
// DIR.new, DIR.old is put back. Every other leftover is removed: a build killed before its
// switch is lost, DIR stays as it was. An update in place needs no switch (each of its
// commits is atomic). When DIR is missing, the switch makes an empty DIR.old instead of
// the first rename, so that a kill before the second is finished the same way.

#include <string>
#include <string_view>

namespace hemicycle::indexer::internal {

// DIR without trailing slashes ("db/" and "db" share one lock file, "db.lock").
std::string without_trailing_slash(std::string db);

// The exclusive lock of DIR.lock, held while the object lives. Throws
// Xapian::DatabaseLockError when another run holds it, FolderNotWritable (pipeline.h) when
// the folder holding DIR, DIR itself when it exists, or the lock file cannot be written.
class WriterLock {
 public:
  explicit WriterLock(const std::string& db);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

std::string building_path(const std::string& db);                // DIR.new
std::string part_path(const std::string& building, unsigned i);  // part 0: DIR.new itself
std::string compact_path(const std::string& db);                 // DIR.compact

// What a killed run left (see the top of this file): a switch finished or undone, the
// rest removed. Call with the lock held, before anything else.
void recover(const std::string& db);

// Removes what a build beside DIR made (DIR.new, its parts, DIR.compact), never throwing:
// after a build failed.
void discard_build(const std::string& db);

// Puts the complete, closed index DIR.new in the place of DIR (see the top of this file).
void switch_in(const std::string& db);

// Test hook: raises SIGKILL when HEMICYCLE_INDEX_KILL_AT names this stage ("first-commit",
// "merge", "between-renames", "before-cleanup").
void kill_point(std::string_view stage);

}  // namespace hemicycle::indexer::internal
