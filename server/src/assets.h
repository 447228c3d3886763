#pragma once

#include <cstddef>
#include <string_view>

namespace hemicycle::server {

// A file of server/web/, compiled into the binary.
struct Asset {
  const char* path;          // "/index.html", "/widget.js"
  const char* content_type;  // "text/html; charset=utf-8"
  const unsigned char* data;
  std::size_t size;
};

// Every asset, ended by an entry whose path is nullptr.
extern const Asset kAssets[];

// The asset served at `path` ("/" is "/index.html"), or nullptr.
inline const Asset* find_asset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const Asset* a = kAssets; a->path; ++a) {
    if (path == a->path) return a;
  }
  return nullptr;
}

}  // namespace hemicycle::server
