#pragma once

// Helpers shared by the test suites: where fixtures and the shared corpus are.

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <unistd.h>

namespace hemicycle::testing {

// tests/data/ in the source tree.
inline std::filesystem::path fixture(const std::string& relative) {
  return std::filesystem::path(HEMICYCLE_TEST_DATA) / relative;
}

// The exit status by which a test case tells ctest it was skipped (SKIP_RETURN_CODE in
// tests/CMakeLists.txt): ctest counts it apart from passed tests, and .ci/run fails on it.
inline constexpr int kSkipReturnCode = 77;

// Ends the test process as skipped, saying why. ctest runs each test case in its own
// process, so this skips that test case only (run by hand, the binary stops there).
[[noreturn]] inline void skip(const std::string& why) {
  std::fprintf(stderr, "SKIPPED: %s\n", why.c_str());
  std::fflush(nullptr);
  std::_Exit(kSkipReturnCode);
}

// A path under the shared data folder (../shared beside the repository, or $HEMICYCLE_SHARED),
// or nullopt when it is absent: tests that need it then skip().
inline std::optional<std::filesystem::path> shared(const std::string& relative) {
  const char* env = std::getenv("HEMICYCLE_SHARED");
  std::filesystem::path base = env && *env ? env : HEMICYCLE_SHARED_DIR;
  auto p = base / relative;
  if (std::filesystem::exists(p)) return p;
  return std::nullopt;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh temporary folder, removed when the object goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& stem = "hemicycle-test") {
    auto base = std::filesystem::temp_directory_path();
    for (int i = 0;; ++i) {
      path_ = base / (stem + "-" + std::to_string(::getpid()) + "-" + std::to_string(i));
      if (std::filesystem::create_directory(path_)) break;
    }
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace hemicycle::testing
