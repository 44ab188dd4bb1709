// The routes of `vhh serve` (DESIGN.md, web) and who may use them:
//   GET  /static/vhh.css     everyone
//   GET  /login, POST /login everyone (fields gebruiker, wachtwoord, csrf)
//   POST /logout             a logged-in user
//   GET  /?jaar=Y            the dashboard: beheerder, controller, bestuur
//   POST /zienswijze         records a zienswijze: controller
//   POST /zienswijze/reactie records the reaction to one: controller
//   GET  /portaal/           the raad portal: raad (its own gemeente), bestuur, controller
//   GET  /portaal/gemeente/CODE  one gemeente's bijdragen: a raad user only for its own gemeente
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "web/exchange.h"

namespace vhh::host::web {

/// The factory the HTTPServer takes: every request goes through the router with `ctx`.
Poco::Net::HTTPRequestHandlerFactory *handler_factory(const Context &ctx);

/// GET / : where the cycle of a year stands, and the zienswijze form (dashboard.cpp).
void dashboard(Exchange &x);
/// POST /zienswijze : records a zienswijze, or shows the dashboard with the problems at the fields.
void post_zienswijze(Exchange &x);
/// POST /zienswijze/reactie : records the dagelijks bestuur's reaction to a zienswijze.
void post_reactie(Exchange &x);
/// GET /portaal/ and /portaal/gemeente/CODE (portaal.cpp).
void portaal(Exchange &x);

}  // namespace vhh::host::web
