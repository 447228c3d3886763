#include "read_errors.h"

#include <zlib.h>

#include <cerrno>

#include "hemicycle/model/french.h"

namespace hemicycle::corpus::internal {
namespace {

namespace fr = model::french;
using rapidjson::ParseErrorCode;

struct JsonErrorText {
  ParseErrorCode code;
  const char* text;
};

constexpr JsonErrorText kJsonErrors[] = {
    {rapidjson::kParseErrorDocumentEmpty, "document vide"},
    {rapidjson::kParseErrorDocumentRootNotSingular, "d’autres valeurs suivent l’objet"},
    {rapidjson::kParseErrorValueInvalid, "valeur invalide"},
    {rapidjson::kParseErrorObjectMissName, "nom de membre manquant dans un objet"},
    {rapidjson::kParseErrorObjectMissColon, "deux-points manquant après un nom de membre"},
    {rapidjson::kParseErrorStringUnicodeEscapeInvalidHex,
     "chiffre hexadécimal incorrect après \\u dans une chaîne"},
    {rapidjson::kParseErrorStringUnicodeSurrogateInvalid,
     "paire de substitution UTF-16 invalide dans une chaîne"},
    {rapidjson::kParseErrorStringEscapeInvalid, "échappement invalide dans une chaîne"},
    {rapidjson::kParseErrorStringMissQuotationMark, "guillemet fermant manquant dans une chaîne"},
    {rapidjson::kParseErrorStringInvalidEncoding, "encodage invalide dans une chaîne"},
    {rapidjson::kParseErrorNumberTooBig, "nombre trop grand"},
    {rapidjson::kParseErrorNumberMissFraction, "partie décimale manquante dans un nombre"},
    {rapidjson::kParseErrorNumberMissExponent, "exposant manquant dans un nombre"},
    {rapidjson::kParseErrorTermination, "lecture interrompue"},
    {rapidjson::kParseErrorUnspecificSyntaxError, "erreur de syntaxe"},
};

}  // namespace

std::string json_error_text(ParseErrorCode code) {
  // The two with a character to quote.
  if (code == rapidjson::kParseErrorObjectMissCommaOrCurlyBracket) {
    return "virgule ou " + fr::quoted("}") + " manquante après un membre d’objet";
  }
  if (code == rapidjson::kParseErrorArrayMissCommaOrSquareBracket) {
    return "virgule ou " + fr::quoted("]") + " manquante après un élément de tableau";
  }
  for (const JsonErrorText& e : kJsonErrors) {
    if (e.code == code) return e.text;
  }
  return "erreur de syntaxe";
}

std::string gzip_error_text(int zlib_error) {
  switch (zlib_error) {
    case Z_BUF_ERROR:
      return "flux gzip tronqué";
    case Z_DATA_ERROR:
      return "flux gzip corrompu";
    case Z_MEM_ERROR:
      return "flux gzip illisible" + std::string(fr::kNbsp) + ": mémoire insuffisante";
    case Z_ERRNO:
      return "flux gzip illisible" + std::string(fr::kNbsp) + ": " + fr::system_error(errno);
    default:
      return "flux gzip illisible";
  }
}

}  // namespace hemicycle::corpus::internal
