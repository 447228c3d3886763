#pragma once

// What a request is answered with, besides the request itself.

#include "hemicycle/server/server.h"
#include "metrics.h"
#include "searcher_slot.h"

namespace hemicycle::server {

struct Services {
  const ServerOptions& options;
  Metrics& metrics;
  SearcherSlot& searcher;  // the slot of the thread answering, for this request alone
};

}  // namespace hemicycle::server
