// The OpenAPI 3 description of the HTTP API. tests/server checks that it stays true: every
// path answers, with the statuses described here.

#include "api.h"

namespace hemicycle::server {

namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "Hemicycle",
    "version": "0.1.0",
    "description": "Full-text search over French parliamentary documents, clause by clause. Every error is {\"error\":{\"code\":…,\"message\":…}}: code is a stable English identifier for programs, message is French, for people."
  },
  "paths": {
    "/api/search": {
      "get": {
        "summary": "Ranked search, grouped by document (or by clause), with snippets and facet counts",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 1024}, "description": "Query: words, \"phrases\", OR (OU), -word (NOT, SAUF, NON), word* (the index's words starting with it, the 100 most frequent), field:value (titre:, numero: too), date:A..B; a known item it names (article 1240 code civil, amendement n° CL2, a document id) comes first; a legal reference (article L. 252 du code électoral, art. 88-4 Const., 49.3, loi n° 2024-850, loi du 25 juillet 2024, RGPD) is one unit: the words as typed or the clauses citing it"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 10}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
          {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date", "date:desc", "date:asc"]}},
          {"name": "filter", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true, "description": "FIELD:VALUE (a facet, titre or numero), repeatable; a multi-select facet's counts ignore its own filter"},
          {"name": "date_from", "in": "query", "schema": {"type": "string", "example": "2024-01-01"}},
          {"name": "date_to", "in": "query", "schema": {"type": "string", "example": "2025-03-31"}},
          {"name": "group", "in": "query", "schema": {"type": "string", "enum": ["document", "clause"]}},
          {"name": "distinct", "in": "query", "schema": {"type": "string", "enum": ["true", "false"], "default": "true"}, "description": "Grouped only: true folds the documents of the same text (spacing, punctuation and quote typography aside) into one hit, the best-ranked, listing the others in its identical field; false shows each apart"},
          {"name": "spell", "in": "query", "schema": {"type": "string", "enum": ["1", "0", "true", "false"], "default": "1"}, "description": "1: spelling corrections of the words the index does not know (or barely) are offered in suggestions, and the best one is searched when the query as typed finds nothing (corrected); 0: the query exactly as typed"},
          {"name": "expand", "in": "query", "schema": {"type": "string", "enum": ["1", "0", "true", "false"], "default": "1"}, "description": "Thesaurus expansion (EuroVoc and Hemicycle's list): a word or phrase that is a label of a concept also matches the concept's other labels, ranked below it and listed in expansions; 0 searches the words as typed only"},
          {"name": "prefix", "in": "query", "schema": {"type": "string", "enum": ["1", "0", "true", "false"], "default": "0"}, "description": "Search as you type: 1 makes the last word of q, unless q ends with a space, also a prefix (the index's words starting with it rank below the word itself)"},
          {"name": "facets", "in": "query", "schema": {"type": "string", "example": "kind,type"}, "description": "Comma-separated fields to count (default: all)"},
          {"name": "document", "in": "query", "schema": {"type": "string"}, "description": "Only this document's clauses (with group=clause: all its matching clauses)"}
        ],
        "responses": {
          "200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
          "400": {"$ref": "#/components/responses/Error"},
          "414": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/documents/{id}": {
      "get": {
        "summary": "A whole document: its metadata and every clause in order",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {
          "200": {"description": "The document", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/documents/{id}/similar": {
      "get": {
        "summary": "More like this: the documents closest to this one (its characteristic words, from Xapian's expand set over its clauses; the document itself left out), as a search result; also similaire:ID in q",
        "parameters": [
          {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 5}},
          {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}}
        ],
        "responses": {
          "200": {"description": "Results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResult"}}}},
          "404": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/suggest": {
      "get": {
        "summary": "Completions of the last word of q, from the words of the index; when its letters have fewer than 3 completions, those of the nearest prefixes too (typos tolerated from 5 letters: edit distance 1, 2 from 7 letters)",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string"}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 20, "default": 8}}
        ],
        "responses": {
          "200": {"description": "Completions", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Suggestions"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/speakers": {
      "get": {
        "summary": "Speakers of the debates whose name has a word starting with q (case and accents aside; empty: every speaker), most speeches first, then by name",
        "parameters": [
          {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 1024}},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 100, "default": 10}}
        ],
        "responses": {
          "200": {"description": "Speakers", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Speakers"}}}},
          "400": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/api/schema": {
      "get": {
        "summary": "The facet fields and the clause kinds, each with its French label, in the order the page shows them",
        "responses": {
          "200": {"description": "Facets and kinds", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Schema"}}}}
        }
      }
    },
    "/health": {
      "get": {
        "summary": "Readiness: documents and clauses indexed, time of the last commit",
        "responses": {
          "200": {"description": "Ready", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
          "503": {"$ref": "#/components/responses/Error"}
        }
      }
    },
    "/metrics": {
      "get": {
        "summary": "Prometheus metrics: requests by route and status, latency histogram, errors, index size",
        "responses": {"200": {"description": "Prometheus text format", "content": {"text/plain": {"schema": {"type": "string"}}}}}
      }
    },
    "/api/openapi.json": {
      "get": {
        "summary": "This description",
        "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object"}}}}}
      }
    }
  },
  "components": {
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string", "description": "Stable English identifier, for programs: bad_parameter, not_found, index_unavailable…", "example": "bad_parameter"}, "message": {"type": "string", "description": "French, for people; its wording may change", "example": "limit\u00a0: 100 au plus, et non «\u00a0101\u00a0»"}}}}
      },
      "Range": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2, "description": "[begin, end) in UTF-8 bytes"},
      "Hit": {
        "type": "object",
        "required": ["document_id", "clause_id", "kind", "text", "snippet", "highlights", "score", "matching_clauses", "match"],
        "properties": {
          "document_id": {"type": "string"}, "title": {"type": "string"}, "type": {"type": "string"},
          "institution": {"type": "string"}, "date": {"type": "string"},
          "clause_id": {"type": "string"}, "kind": {"type": "string"}, "number": {"type": "string"},
          "text": {"type": "string"},
          "highlights": {"type": "array", "items": {"$ref": "#/components/schemas/Range"}},
          "snippet": {"type": "string"},
          "snippet_highlights": {"type": "array", "items": {"$ref": "#/components/schemas/Range"}},
          "speaker": {"type": "string", "description": "speech: the person speaking, as named (Christiane Taubira); absent for a group"},
          "speaker_label": {"type": "string", "description": "speech: the speaker as printed (Mme la garde des sceaux); the snippet begins with it"},
          "speaker_role": {"type": "string"}, "speaker_kind": {"type": "string", "enum": ["président de séance", "gouvernement", "rapporteur", "député", "groupe"]},
          "group": {"type": "string"}, "headings": {"type": "array", "items": {"type": "string"}, "description": "speech: the agenda path, outermost first"},
          "amendment": {"type": "string", "description": "speech: the amendment under discussion as printed (53)"},
          "amendment_id": {"type": "string", "description": "speech: the id of that amendment's document, when the index holds exactly one"},
          "directions": {"type": "array", "items": {"$ref": "#/components/schemas/Range"}, "description": "speech: stage directions in text"},
          "score": {"type": "number"}, "matching_clauses": {"type": "integer"},
          "match": {"type": "string", "enum": ["known_item", "all_words_in_clause", "all_words_in_document", "some_words", "filter_only", "similar"]},
          "missing": {"type": "array", "items": {"type": "string"}, "description": "some_words: the words and phrases of the query the document (or clause) lacks"},
          "identical": {"type": "array", "description": "distinct: the other documents of the same text that pass the query's filters and exclusions, oldest first; each counts in total", "items": {"$ref": "#/components/schemas/IdenticalDocument"}}
        }
      },
      "IdenticalDocument": {
        "type": "object", "required": ["document_id", "title", "date", "signatories"],
        "properties": {"document_id": {"type": "string"}, "title": {"type": "string"}, "date": {"type": "string"}, "signatories": {"type": "array", "items": {"type": "string"}}}
      },
      "SearchResult": {
        "type": "object",
        "required": ["query", "suggestions", "total", "total_partial", "took_ms", "expansions", "hits", "facets_count", "facets"],
        "properties": {
          "query": {"type": "string", "description": "the query as typed"},
          "corrected": {"type": "string", "description": "present only when the query as typed found nothing and a spelling correction of it finds something: the query searched instead, which every other field describes"},
          "suggestions": {"type": "array", "items": {"type": "string"}, "description": "corrected queries offered (did you mean), best first; corrected is not listed; empty when none"},
          "total": {"type": "integer", "description": "documents (clauses with group=clause) holding every word and phrase of the query and passing every filter; identical documents each count, folded or not"},
          "total_partial": {"type": "integer", "description": "documents (clauses) holding only some of the words; ranked after the others"},
          "facets_count": {"type": "string", "enum": ["all_words", "some_words"], "description": "the set the facets count: those holding every word, or, when there is none, those holding some"},
          "offset": {"type": "integer"}, "limit": {"type": "integer"},
          "group": {"type": "string"}, "distinct": {"type": "boolean", "description": "Documents of the same text were folded into one hit (group=document and distinct=true)"}, "total_distinct": {"type": "integer", "description": "With distinct: the distinct texts of every matching document (total + total_partial), the folded hits to page through; otherwise total + total_partial"}, "sort": {"type": "string"},
          "took_ms": {"type": "number"}, "timed_out": {"type": "boolean"},
          "notes": {"type": "array", "items": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}},
          "expansions": {"type": "array", "description": "What the thesaurus added to the query's words (none with expand=0), in the order of the query; the documents holding an added label count in total and total_partial as if they held the words", "items": {"type": "object", "required": ["words", "also"], "properties": {"words": {"type": "string", "description": "The words as typed"}, "also": {"type": "array", "items": {"type": "string"}, "description": "The labels they also matched"}}}},
          "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
          "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}, "count": {"type": "integer"}}}}}
        }
      },
      "Document": {
        "type": "object", "required": ["id", "metadata", "clauses"],
        "properties": {
          "id": {"type": "string"}, "metadata": {"type": "object"},
          "clauses": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "index": {"type": "integer"}, "kind": {"type": "string"}, "number": {"type": "string"}, "lead": {"type": "string"}, "text": {"type": "string"}, "speaker": {"type": "string"}, "speaker_label": {"type": "string"}, "speaker_role": {"type": "string"}, "speaker_kind": {"type": "string"}, "group": {"type": "string"}, "headings": {"type": "array", "items": {"type": "string"}}, "amendment": {"type": "string"}, "amendment_id": {"type": "string"}, "directions": {"type": "array", "items": {"$ref": "#/components/schemas/Range"}, "description": "Stage directions in text"}}}}
        }
      },
      "Suggestions": {
        "type": "object", "required": ["query", "suggestions"],
        "properties": {"query": {"type": "string"}, "suggestions": {"type": "array", "items": {"type": "object", "properties": {"word": {"type": "string"}, "query": {"type": "string"}, "documents": {"type": "integer"}}}}}
      },
      "Speakers": {
        "type": "object", "required": ["query", "speakers"],
        "properties": {"query": {"type": "string"}, "speakers": {"type": "array", "items": {"type": "object", "required": ["name", "speeches"], "properties": {"name": {"type": "string", "description": "As printed: Christiane Taubira"}, "speeches": {"type": "integer", "description": "Speeches (clauses of kind speech) with this speaker"}, "role": {"type": "string", "description": "The most common printed role of their latest speeches (garde des sceaux, ministre de la justice); absent when none is printed"}, "kind": {"type": "string", "description": "The most common speaker_kind of their latest speeches: président de séance, gouvernement, rapporteur, député"}}}}}
      },
      "Named": {
        "type": "object", "required": ["name", "label"],
        "properties": {"name": {"type": "string", "description": "As in filters and JSON: cites, considerant"}, "label": {"type": "string", "description": "French, for people: Textes cités, considérant"}}
      },
      "Schema": {
        "type": "object", "required": ["facets", "kinds"],
        "properties": {"facets": {"type": "array", "items": {"$ref": "#/components/schemas/Named"}}, "kinds": {"type": "array", "items": {"$ref": "#/components/schemas/Named"}}}
      },
      "Health": {
        "type": "object", "required": ["status", "documents", "clauses"],
        "properties": {"status": {"type": "string"}, "documents": {"type": "integer"}, "clauses": {"type": "integer"}, "last_commit": {"type": "string", "nullable": true}}
      }
    }
  }
}
)json";

}  // namespace

const std::string& openapi_json() {
  static const std::string kOpenApi = kDocument;
  return kOpenApi;
}

}  // namespace hemicycle::server
