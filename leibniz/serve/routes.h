// What the server answers, route by route (docs/serve.md "Routes"), and the headers every
// response carries.
#pragma once

#include <httplib.h>

#include "leibniz/serve/server.h"

namespace leibniz::serve {

/// Installs the routes, the security headers and the Host check on `server`.
void add_routes(httplib::Server& server, const ServerOptions& options);

}  // namespace leibniz::serve
