#include "hemicycle/model/french.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace hemicycle::model::french {
namespace {

struct ErrorText {
  int error;
  const char* text;
};

// The errors a file or a folder gives, in French.
constexpr ErrorText kErrors[] = {
    {EACCES, "permission refusée"},
    {EPERM, "opération non permise"},
    {ENOENT, "fichier ou dossier introuvable"},
    {EROFS, "système de fichiers en lecture seule"},
    {ENOSPC, "plus de place sur le disque"},
    {EDQUOT, "quota de disque dépassé"},
    {EEXIST, "existe déjà"},
    {ENOTDIR, "n’est pas un dossier"},
    {EISDIR, "est un dossier"},
    {ENOTEMPTY, "dossier non vide"},
    {EMFILE, "trop de fichiers ouverts"},
    {ENFILE, "trop de fichiers ouverts sur le système"},
    {EIO, "erreur d’entrée-sortie"},
    {ENAMETOOLONG, "nom trop long"},
    {ELOOP, "trop de liens symboliques"},
    {EBUSY, "ressource occupée"},
    {ENOMEM, "mémoire insuffisante"},
    {EXDEV, "déplacement impossible d’un système de fichiers à un autre"},
    {EINVAL, "argument invalide"},
};

}  // namespace

std::string quoted(std::string_view text) {
  std::string out = "«";
  out += kNbsp;
  out += text;
  out += kNbsp;
  out += "»";
  return out;
}

std::string number(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  if (digits.size() <= 4) return digits;
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kThinNbsp;
    out += digits[i];
  }
  return out;
}

std::string count(std::uint64_t n, std::string_view singular, std::string_view plural) {
  return number(n) + " " + std::string(n < 2 ? singular : plural);
}

std::string decimal(double x, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x < 0 ? -x : x);
  const std::string digits = buf;
  const std::size_t dot = std::min(digits.find('.'), digits.size());
  std::string out = x < 0 && digits.find_first_not_of("0.") != std::string::npos ? "-" : "";
  out += number(std::stoull(digits.substr(0, dot)));
  if (dot < digits.size()) {
    out += ',';
    out.append(digits, dot + 1);
  }
  return out;
}

std::string system_error(int error) {
  for (const ErrorText& e : kErrors) {
    if (e.error == error) return e.text;
  }
  return "erreur système " + std::to_string(error) + " (" + std::strerror(error) + ")";
}

}  // namespace hemicycle::model::french
