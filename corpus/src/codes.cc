// The one table of codes (references.h: legal_codes()), read by the reference extractor
// (cites.cc) and by the searcher's known items and references. Names as references write
// them (folded, straight apostrophe); abbreviations as keys (folded, no dots, no spaces).

#include <algorithm>

#include "hemicycle/corpus/references.h"

namespace hemicycle::corpus {

const std::vector<LegalCode>& legal_codes() {
  static const std::vector<LegalCode> kCodes = {
      {"code civil", {"cciv", "ccivil"}},
      {"code penal", {"cpen", "cpenal"}},
      {"code de procedure civile", {"cpc", "cprciv"}},
      {"code de procedure penale", {"cpp", "cprpen"}},
      {"code de commerce", {"ccom", "ccomm"}},
      {"code du travail", {"ctrav"}},
      {"code du travail applicable a mayotte", {}},
      {"code de la securite sociale", {"css", "cssoc"}},
      {"code general des impots", {"cgi"}},
      {"code general des collectivites territoriales", {"cgct"}},
      {"code de l'education", {"ceduc"}},
      {"code de la sante publique", {"csp", "csantepubl"}},
      {"code de l'environnement", {"cenv", "cenvir"}},
      {"code de l'urbanisme", {"curb"}},
      {"code de la construction et de l'habitation", {"cch"}},
      {"code rural et de la peche maritime", {"crpm", "crur"}},
      {"code rural", {}},
      {"code forestier", {}},
      {"code electoral", {"celect"}},
      {"code monetaire et financier", {"cmf", "cmonfin"}},
      {"code des assurances", {"cassur"}},
      {"code de la consommation", {"cconsom", "cconso"}},
      {"code de la route", {"croute"}},
      {"code des transports", {"ctransp"}},
      {"code de l'energie", {"cenerg"}},
      {"code de la defense", {"cdef"}},
      {"code de la securite interieure", {"csi"}},
      {"code de l'entree et du sejour des etrangers et du droit d'asile", {"ceseda"}},
      {"code de justice administrative", {"cja"}},
      {"code des relations entre le public et l'administration", {"crpa"}},
      {"code de la propriete intellectuelle", {"cpi"}},
      {"code du patrimoine", {"cpatr"}},
      {"code du sport", {}},
      {"code du tourisme", {}},
      {"code des postes et des communications electroniques", {"cpce"}},
      {"code de l'action sociale et des familles", {"casf"}},
      {"code general de la fonction publique", {"cgfp"}},
      {"code general de la propriete des personnes publiques", {"cg3p"}},
      {"code de la commande publique", {"ccp"}},
      {"code des juridictions financieres", {"cjf"}},
      {"code de l'organisation judiciaire", {"coj"}},
      {"code des douanes", {}},
      {"code minier", {}},
      {"code de la mutualite", {}},
      {"code de l'artisanat", {}},
      {"code de l'expropriation pour cause d'utilite publique", {}},
      {"code de la voirie routiere", {}},
      {"code du cinema et de l'image animee", {}},
      {"code de l'aviation civile", {}},
      {"code des pensions civiles et militaires de retraite", {}},
      {"code des pensions militaires d'invalidite et des victimes de guerre", {}},
      {"code de justice militaire", {}},
      {"code du domaine de l'etat", {}},
      {"code des communes", {}},
      {"code de la recherche", {}},
      {"code des procedures civiles d'execution", {}},
      {"code de la justice penale des mineurs", {"cjpm"}},
      {"code penitentiaire", {}},
      {"code du service national", {}},
      {"code des ports maritimes", {}},
      {"code de la famille et de l'aide sociale", {}},
      {"code de l'action sociale", {}},
      {"code de l'industrie cinematographique", {}},
      {"code general des impots, annexe", {}},
      {"code de la legion d'honneur", {}},
      {"code de la nationalite francaise", {}},
      {"code des impositions sur les biens et services", {"cibs"}},
      {"code des pensions de retraite des marins", {}},
  };
  return kCodes;
}

const LegalCode* code_by_abbreviation(std::string_view key) {
  for (const LegalCode& c : legal_codes()) {
    if (std::find(c.abbreviations.begin(), c.abbreviations.end(), key) != c.abbreviations.end()) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace hemicycle::corpus
