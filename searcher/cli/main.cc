// hemicycle-search: ranked search from the command line. Thin: flags, Searcher, printing.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <xapian.h>

#include "hemicycle/analyzers/analyzer.h"
#include "hemicycle/format/records.h"
#include "hemicycle/model/document.h"
#include "hemicycle/model/french.h"
#include "hemicycle/searcher/json.h"
#include "hemicycle/searcher/searcher.h"

namespace {

using hemicycle::searcher::DocumentView;
using hemicycle::searcher::QueryError;
using hemicycle::searcher::Range;
using hemicycle::searcher::SearchRequest;
using hemicycle::searcher::SearchResult;
using hemicycle::searcher::Sort;

constexpr const char* kUsage =
    "usage\u00a0: hemicycle-search --db DOSSIER [--db DOSSIER]... [--json] [--limit N] [--offset N]\n"
    "                         [--filter CHAMP:VALEUR]... [--sort relevance|date:desc|date:asc]\n"
    "                         [--clauses] [--distinct true|false] [--no-correct]\n"
    "                         [--no-expand] [--prefix]\n"
    "                         [--facets CHAMP,...] REQUÊTE...\n"
    "        hemicycle-search --db DOSSIER --document ID [--json]\n"
    "\n"
    "Requête\u00a0: des mots, \"une expression\", a OR b (OU), -mot (exclu\u00a0; NOT, SAUF, NON),\n"
    "scrut* (les mots qui commencent par scrut), champ:valeur,\n"
    "champ:\"deux mots\", -champ:valeur, date:2024-01-01..2025-03-31 (ou AAAA, AAAA-MM, bornes\n"
    "ouvertes).\n"
    "Champs\u00a0: kind, type, institution, year, territory, country, cites, signatory, outcome,\n"
    "legislature, sitting, speaker (speaker:\"Christiane Taubira\"), speaker_role, group, date,\n"
    "titre (mots du titre), numero (numéro du document\u00a0: CL2, 515-14).\n"
    "Un document désigné (article 1240 code civil, 1240 C. civ., amendement n° CL2, un\n"
    "identifiant) vient en premier. Une référence (article L. 252 du code électoral, art. 88-4\n"
    "Const., 49.3, loi n° 2024-850, loi du 25 juillet 2024, RGPD) compte comme un seul mot\u00a0:\n"
    "ses mots tels que tapés, ou les passages qui la citent.\n"
    "\n"
    "  --db DOSSIER    un index (à répéter pour en interroger plusieurs comme un seul\u00a0;\n"
    "                  tcp://HÔTE:PORT pour un xapian-tcpsrv distant)\n"
    "  --json          un objet JSON sur la sortie standard (schéma dans README.md)\n"
    "  --limit N       résultats à afficher (10 par défaut, 1000 au plus)\n"
    "  --offset N      résultats à sauter (0 par défaut)\n"
    "  --filter C:V    garder les documents dont le champ C vaut V (répétable)\n"
    "  --sort S        relevance (pertinence, par défaut), date:desc (ou date\u00a0: du plus\n"
    "                  récent au plus ancien) ou date:asc (du plus ancien au plus récent)\u00a0;\n"
    "                  par date, les documents qui ont tous les mots viennent d’abord, puis\n"
    "                  ceux qui n’en ont qu’une partie, les non datés en dernier\n"    "  --clauses       un résultat par passage plutôt qu’un par document\n"
    "  --distinct B    true (par défaut)\u00a0: les documents de même texte (à l’espacement et\n"
    "                  à la ponctuation près) sont un seul résultat, les autres listés\u00a0;\n"
    "                  false\u00a0: chacun à part\n"
    "  --no-correct    chercher la requête telle qu’elle est tapée, sans la corriger même\n"
    "                  quand elle ne trouve rien (corrections\u00a0: mots inconnus de l’index)\n"
    "  --no-expand     ne chercher que les mots tapés, sans les termes équivalents du\n"
    "                  thésaurus (SMIC : salaire minimal ; EuroVoc et le nôtre)\n"
    "  --prefix        le dernier mot (s’il n’est pas suivi d’une espace) est aussi un début\n"
    "                  de mot\u00a0: les mots de l’index qui commencent par lui, après lui\n"
    "  --facets LISTE  facettes à compter, séparées par des virgules (toutes par défaut)\n"
    "  --document ID   afficher un document entier\u00a0: ses métadonnées et chaque passage\n"
    "  --in ID         ne chercher que dans les passages du document ID (avec --clauses :\n"
    "                  tous ses passages trouvés)\n"
    "\n"
    "Code de sortie\u00a0: 0 succès (même sans résultat), 1 erreur d’index ou du système,\n"
    "2 usage ou requête incorrects.\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "hemicycle-search : " << message << "\n\n" << kUsage;
  std::exit(2);
}

std::size_t parse_count(const std::string& flag, const std::string& v, std::size_t max) {
  char* end = nullptr;
  unsigned long long n = std::strtoull(v.c_str(), &end, 10);
  if (v.empty() || *end || v[0] == '-' || n > max) {
    usage_error(flag + " attend un nombre de 0 à " + std::to_string(max));
  }
  return static_cast<std::size_t>(n);
}

struct Flags {
  std::vector<std::string> dbs;
  bool json = false;
  std::string document;
  SearchRequest request;
};

Flags parse_flags(int argc, char** argv) {
  Flags f;
  std::string query;
  bool only_words = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(a + " attend une valeur");
      return argv[++i];
    };
    if (only_words || a.empty() || a[0] != '-' || a == "-" ||
        (a.size() > 1 && a[1] != '-' && a != "-h")) {
      // Words of the query; a single-dash word such as -azerbaïdjan is an exclusion.
      if (!query.empty()) query += ' ';
      query += a;
    } else if (a == "--") {
      only_words = true;
    } else if (a == "--db") {
      f.dbs.push_back(value());
    } else if (a == "--json") {
      f.json = true;
    } else if (a == "--limit") {
      f.request.limit = parse_count(a, value(), 1000);
    } else if (a == "--offset") {
      f.request.offset = parse_count(a, value(), 100000);
    } else if (a == "--filter") {
      if (hemicycle::searcher::Notice err = add_filter(hemicycle::analyzers::sanitize_utf8(value()), f.request);
          !err.empty()) {
        throw QueryError(err);
      }
    } else if (a == "--sort") {
      const auto order = hemicycle::searcher::sort_from_string(value());
      if (!order) usage_error("--sort attend relevance, date:desc (ou date) ou date:asc");
      f.request.sort = *order;
    } else if (a == "--prefix") {
      f.request.prefix_last = true;
    } else if (a == "--clauses") {
      f.request.group_by_document = false;
    } else if (a == "--distinct") {
      const std::string v = value();
      if (v != "true" && v != "false") usage_error("--distinct attend true ou false");
      f.request.distinct = v == "true";
    } else if (a == "--no-correct") {
      f.request.spell = false;
    } else if (a == "--no-expand") {
      f.request.expand = false;
    } else if (a == "--facets") {
      std::string v = value();
      std::size_t start = 0;
      while (start <= v.size()) {
        auto comma = v.find(',', start);
        std::string name = v.substr(start, comma - start);
        if (!name.empty()) f.request.facets.push_back(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (a == "--document") {
      f.document = value();
    } else if (a == "--in") {
      f.request.document_id = value();
    } else if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      std::exit(0);
    } else {
      usage_error("option inconnue " + a);
    }
  }
  if (f.dbs.empty()) usage_error("--db DOSSIER est obligatoire");
  if (f.document.empty() && query.empty() && f.request.filters.empty() && !f.request.date &&
      f.request.document_id.empty()) {
    usage_error("aucune requête donnée");
  }
  f.request.query = query;
  return f;
}

// French name of a clause kind.
std::string kind_name(const std::string& kind) {
  const auto k = hemicycle::model::clause_kind_from_string(kind);
  return k ? std::string(hemicycle::model::label(*k)) : kind;
}

// A clause as a reader would cite it: "article 7", "article 2 A" (an alinéa of it),
// "considérant", "dispositif 2".
std::string clause_label(const std::string& kind, const std::string& number) {
  if (kind == "alinea" && !number.empty()) return "article " + number;
  return number.empty() ? kind_name(kind) : kind_name(kind) + " " + number;
}

std::string emphasize(const std::string& text, const std::vector<Range>& highlights, bool tty) {
  if (!tty) return text;
  std::string out;
  std::size_t pos = 0;
  for (const auto& h : highlights) {
    if (h.begin < pos || h.end > text.size()) continue;
    out.append(text, pos, h.begin - pos);
    out += "\033[1m";
    out.append(text, h.begin, h.end - h.begin);
    out += "\033[22m";
    pos = h.end;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// A hit's snippet; a speech's with its speaker's role after the name as printed: "M. Julien
// Aubert, rapporteur de la commission des lois\u00a0: …".
std::string speech_snippet(const hemicycle::searcher::Hit& h, bool tty) {
  const std::string& label = h.speech.speaker_label;
  const std::string& role = h.speech.speaker_role;
  if (label.empty() || role.empty() || h.snippet.compare(0, label.size(), label) != 0) {
    return emphasize(h.snippet, h.snippet_highlights, tty);
  }
  const std::string added = ", " + role;
  std::string text = h.snippet;
  text.insert(label.size(), added);
  std::vector<Range> shifted = h.snippet_highlights;
  for (auto& r : shifted) {
    r.begin += added.size();
    r.end += added.size();
  }
  return emphasize(text, shifted, tty);
}

const char* tier_label(hemicycle::searcher::Tier t) {
  switch (t) {
    case hemicycle::searcher::Tier::kKnownItem:
      return "le document désigné";
    case hemicycle::searcher::Tier::kAllWordsInClause:
      return "tous les mots dans ce passage";
    case hemicycle::searcher::Tier::kAllWordsInDocument:
      return "tous les mots dans le document";
    case hemicycle::searcher::Tier::kSomeWords:
      return "une partie des mots";
    case hemicycle::searcher::Tier::kFilterOnly:
      return "filtres";
    case hemicycle::searcher::Tier::kSimilar:
      return "texte proche";
  }
  return "";
}

// "il manque : « olivier », « gel »"
std::string missing_line(const std::vector<std::string>& missing) {
  std::string line = "il manque\u00a0: ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i > 0) line += ", ";
    line += hemicycle::model::french::quoted(missing[i]);
  }
  return line;
}

// "ID (2025-01-10, Mme A, M. B, M. C et 4 autres)": at most three signatories named.
std::string identical_item(const hemicycle::searcher::IdenticalDocument& d) {
  constexpr std::size_t kNamed = 3;
  std::string details = d.date;
  for (std::size_t i = 0; i < d.signatories.size() && i < kNamed; ++i) {
    if (!details.empty()) details += ", ";
    details += d.signatories[i];
  }
  if (d.signatories.size() > kNamed) {
    details += " et " + hemicycle::model::french::count(d.signatories.size() - kNamed, "autre",
                                                        "autres");
  }
  return details.empty() ? d.document_id : d.document_id + " (" + details + ")";
}

// "+ 2 documents identiques : ID1 (date, signataires), ID2 (…)"
std::string identical_line(const std::vector<hemicycle::searcher::IdenticalDocument>& docs) {
  std::string line = "+ " + hemicycle::model::french::count(docs.size(), "document identique",
                                                            "documents identiques") +
                     "\u00a0: ";
  for (std::size_t i = 0; i < docs.size(); ++i) {
    if (i > 0) line += ", ";
    line += identical_item(docs[i]);
  }
  return line;
}

// "3 documents pour « q »", or with partial matches "2 documents contiennent tous les mots
// de « q » ; 138 autres en contiennent une partie" (README's wording, as the page's).
std::string count_line(const SearchResult& r) {
  namespace french = hemicycle::model::french;
  const std::string unit = r.grouped ? "document" : "passage";
  const std::string q = french::quoted(r.corrected.empty() ? r.query : r.corrected);
  if (r.total_partial == 0) return french::count(r.total, unit, unit + "s") + " pour " + q;
  const std::string some =
      r.total_partial > 1 ? " en contiennent une partie" : " en contient une partie";
  if (r.total == 0) {
    return std::string(r.grouped ? "aucun document ne contient" : "aucun passage ne contient") +
           " tous les mots de " + q + "\u00a0; " + french::number(r.total_partial) + some;
  }
  return french::count(r.total, unit, unit + "s") +
         (r.total > 1 ? " contiennent" : " contient") + " tous les mots de " + q + "\u00a0; " +
         french::count(r.total_partial, "autre", "autres") + some;
}

// "également : salaire minimal, salaire garanti (pour « SMIC »), …": what the thesaurus
// added to the words typed, counted with them; empty when it added nothing.
std::string expansions_line(const SearchResult& r) {
  namespace french = hemicycle::model::french;
  std::string line;
  for (const auto& e : r.expansions) {
    line += line.empty() ? "également\u00a0: " : "\u00a0; ";
    for (std::size_t i = 0; i < e.also.size(); ++i) line += (i ? ", " : "") + e.also[i];
    line += " (pour " + french::quoted(e.words) + ")";
  }
  if (line.empty()) return line;
  return line + ", comptés comme les mots tapés (--no-expand pour ne chercher que ceux-ci)";
}

// Which documents the facets count.
const char* facets_set(const SearchResult& r) {
  if (r.facets_partial) return "documents contenant une partie des mots";
  if (r.total_partial > 0) return "documents contenant tous les mots";
  return "documents";
}

// "Résultats pour « ingérence ». Rechercher plutôt « ingérance » : --no-correct", and
// "Vouliez-vous dire « ingérence » ?" (or "« a » ou « b »").
void print_spelling(const SearchResult& r) {
  namespace french = hemicycle::model::french;
  if (!r.corrected.empty()) {
    std::printf("Résultats pour %s. Rechercher plutôt %s\u00a0: --no-correct\n",
                french::quoted(r.corrected).c_str(), french::quoted(r.query).c_str());
  }
  if (r.suggestions.empty()) return;
  std::string offered;
  for (std::size_t i = 0; i < r.suggestions.size(); ++i) {
    if (i > 0) offered += " ou ";
    offered += french::quoted(r.suggestions[i]);
  }
  std::printf("Vouliez-vous dire %s\u00a0?\n", offered.c_str());
}

void print_human(const SearchResult& r, bool tty) {
  print_spelling(r);
  std::printf("%s (%.1f\u00a0ms)\n", count_line(r).c_str(), r.took_ms);
  if (const std::string also = expansions_line(r); !also.empty()) std::printf("%s\n", also.c_str());
  if (r.distinct && r.total_distinct < r.total + r.total_partial) {
    // The counts are of documents; the hits are of texts.
    std::printf("(%s\u00a0: les documents identiques sont regroupés, chacun compté\u00a0; "
                "--distinct false les montre à part)\n",
                hemicycle::model::french::count(r.total_distinct, "texte différent",
                                                "textes différents").c_str());
  }
  for (const auto& n : r.notes) std::printf("note : %s\n", n.message.c_str());
  std::size_t rank = r.offset;
  for (const auto& h : r.hits) {
    ++rank;
    std::string head = h.title.empty() ? h.type : h.title;
    if (head.empty()) head = h.document_id;
    std::printf("\n%zu. %s\n", rank, emphasize(head, {}, tty).c_str());
    std::string meta;
    auto add = [&](const std::string& s) {
      if (s.empty()) return;
      if (!meta.empty()) meta += " · ";
      meta += s;
    };
    if (!h.title.empty()) add(h.type);
    add(h.institution);
    add(h.date);
    add(h.document_id);
    std::printf("   %s\n", meta.c_str());
    std::string where = clause_label(h.kind, h.number);
    if (r.grouped) {
      where += " · " + std::to_string(h.matching_clauses) + " passage" +
               (h.matching_clauses > 1 ? "s" : "") + " correspondant" +
               (h.matching_clauses > 1 ? "s" : "");
    }
    where += std::string(" · ") + tier_label(h.tier);
    char score[32];
    std::snprintf(score, sizeof score, " · score %.2f", h.score);
    std::printf("   [%s]%s\n", where.c_str(), score);
    std::printf("   %s\n", speech_snippet(h, tty).c_str());
    if (!h.missing.empty()) std::printf("   %s\n", missing_line(h.missing).c_str());
    if (!h.identical.empty()) std::printf("   %s\n", identical_line(h.identical).c_str());
  }
  bool any = false;
  for (const auto& f : r.facets) {
    if (f.values.empty()) continue;
    if (!any) std::printf("\nFacettes (%s)\n", facets_set(r));
    any = true;
    std::string line;
    for (const auto& v : f.values) {
      if (!line.empty()) line += ", ";
      line += (f.field == "kind" ? kind_name(v.value) : v.value) +
              " (" + std::to_string(v.count) + ")";
    }
    std::printf("  %s : %s\n", f.label.c_str(), line.c_str());
  }
}

void print_document(const DocumentView& d) {
  std::printf("%s\n", d.id.c_str());
  for (const auto& [key, value] : hemicycle::format::display_fields(d.metadata)) {
    std::printf("  %s : %s\n", key.c_str(), value.c_str());
  }
  for (const auto& c : d.clauses) {
    std::printf("\n[%s] %s\n%s\n", c.id.c_str(), clause_label(c.kind, c.number).c_str(),
                c.text.c_str());
  }
}

int run(const Flags& f) {
  // One query: reading every document's facets up front would cost more than it saves.
  hemicycle::searcher::SearcherOptions options;
  options.facet_table = std::getenv("HEMICYCLE_TABLE") != nullptr;
  hemicycle::searcher::Searcher searcher(f.dbs, options);
  if (!f.document.empty()) {
    auto doc = searcher.document(f.document);
    if (!doc) {
      std::cerr << "hemicycle-search : aucun document " << f.document << "\n";
      return 1;
    }
    if (f.json) {
      std::printf("%s\n", hemicycle::searcher::to_json(*doc).c_str());
    } else {
      print_document(*doc);
    }
    return 0;
  }
  SearchResult r = searcher.search(f.request);
  if (f.json) {
    std::printf("%s\n", hemicycle::searcher::to_json(r).c_str());
  } else {
    print_human(r, isatty(STDOUT_FILENO));
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) try {
  return run(parse_flags(argc, argv));
} catch (const QueryError& e) {
  std::cerr << "hemicycle-search : requête incorrecte (" << e.code() << ") : " << e.what() << "\n";
  return 2;
} catch (const Xapian::Error& e) {
  std::cerr << "hemicycle-search : erreur de l’index : " << e.get_description() << "\n";
  return 1;
} catch (const std::exception& e) {
  std::cerr << "hemicycle-search : " << e.what() << "\n";
  return 1;
}
