#pragma once

// A fixture written by the tests that need more words under one prefix than the product's
// bound (kMaxExpansions): a decree whose visas list 120 decrees.

#include <filesystem>
#include <fstream>
#include <string>

namespace hemicycle::testing {

// Writes a decree whose visas list decrees 2024-1000 to 2024-1119: 120 terms start with
// "2024-1", 10 with "2024-100".
inline std::filesystem::path write_decrees(const std::filesystem::path& dir) {
  std::string text = "Le Premier ministre,\\n\\n";
  for (int n = 1000; n < 1120; ++n) {
    text += "Vu le décret n° 2024-" + std::to_string(n) + " du 3 mars 2024 ;\\n";
  }
  text += "\\nDécrète :\\n\\nArticle 1er\\n\\nLes décrets susvisés sont abrogés.";
  const auto file = dir / "decrets.jsonl";
  std::ofstream(file) << "{\"id\": \"TEST-PFX-DEC\", \"type\": \"décret\", \"institution\": "
                         "\"Gouvernement\", \"date\": \"2024-06-01\", \"title\": \"Décret "
                         "portant abrogation\", \"text\": \"" << text << "\"}\n";
  return file;
}

}  // namespace hemicycle::testing
