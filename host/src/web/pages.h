// The routes of `vhh serve` (DESIGN.md, web) and who may use them:
//   GET  /static/vhh.css     everyone
//   GET  /login, POST /login everyone (fields gebruiker, wachtwoord, csrf)
//   POST /logout             a logged-in user
//   GET  /?jaar=Y            the dashboard: beheerder, controller, bestuur
//   POST /zienswijze         records a zienswijze: controller
//   POST /zienswijze/reactie records the reaction to one: controller
//   POST /vaststellen        vaststelt the begroting or jaarrekening: controller
//   POST /wijziging          records a begrotingswijziging: controller
//   GET  /portaal/           the raad portal: raad (its own gemeente), bestuur, controller
//   GET  /portaal/gemeente/CODE  one gemeente's bijdragen: a raad user only for its own gemeente
//   GET  /documenten         the boekjaar's documents to download and publish: beheerder, controller, bestuur
//   GET  /documenten/bestand/FILE  one generated file: beheerder, controller, bestuur
//   POST /documenten/genereren     generates the documents again: controller
//   POST /documenten/publiceren    publishes a document (field document): controller
//   GET  /betalingen         the unmatched payments, the upload form: beheerder, controller, bestuur
//   POST /betalingen/importeren    books a CAMT.053 statement (multipart, field afschrift): controller
//   POST /betalingen/koppelen      ties a payment to an invoice (transactie, factuur): controller
//   GET  /facturen?jaar=Y    the invoices of a year with their status: beheerder, controller, bestuur
//   POST /facturen/factureren      bills a soort (jaar, soort, termijn): controller
//   POST /facturen/crediteren      credits an invoice (nummer, versie-NUMMER, reden, bedrag, datum): controller
//   GET  /facturen/corrigeren?nummer=N  an invoice and the form that corrects it: controller
//   POST /facturen/corrigeren      corrects an invoice (nummer, versie, bedrag, reden, datum): controller
//   GET  /portaal/document/DOC     a published document and its vragen: raad (its own gemeente's letters), bestuur, controller
//   GET  /portaal/bestand/FILE     a published file: the same
//   POST /portaal/vraag            asks a technische vraag (document, sectie, vraag): raad
//   POST /portaal/antwoord         answers one (document, vraag, versie, antwoord): controller
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "invoicing/facturen_store.h"
#include "web/exchange.h"

namespace vhh::host::web {

/// The factory the HTTPServer takes: every request goes through the router with `ctx`.
Poco::Net::HTTPRequestHandlerFactory *handler_factory(const Context &ctx);

/// The year a page is asked for (?jaar=Y; the config's boekjaar when absent), or 0 when it is no year.
int asked_year(const Exchange &x);

/// GET / : where the cycle of a year stands, and the zienswijze form (dashboard.cpp).
void dashboard(Exchange &x);
/// POST /zienswijze : records a zienswijze, or shows the dashboard with the problems at the fields.
void post_zienswijze(Exchange &x);
/// POST /vaststellen : vaststelt the begroting or jaarrekening of the boekjaar (as `vhh vaststellen`).
void post_vaststellen(Exchange &x);
/// POST /wijziging : records a begrotingswijziging (as `vhh wijziging`; the file's text in a field).
void post_wijziging(Exchange &x);
/// POST /zienswijze/reactie : records the dagelijks bestuur's reaction to a zienswijze.
void post_reactie(Exchange &x);
/// GET /portaal/ and /portaal/gemeente/CODE (portaal.cpp).
void portaal(Exchange &x);
/// GET /documenten, GET /documenten/bestand/FILE, POST /documenten/genereren and /documenten/publiceren (documenten.cpp).
void documenten(Exchange &x);
void document_bestand(Exchange &x);
void post_genereren(Exchange &x);
void post_publiceren(Exchange &x);
/// GET /betalingen, POST /betalingen/importeren and /betalingen/koppelen (betalingen.cpp).
void betalingen(Exchange &x);
void post_importeren(Exchange &x);
void post_koppelen(Exchange &x);
/// GET /facturen, POST /facturen/factureren and /facturen/crediteren (facturen.cpp).
void facturen(Exchange &x);
void post_factureren(Exchange &x);
void post_crediteren(Exchange &x);
/// True when `text` could be an invoice number ("2013-00014"): only such a text is shown in a message
/// or looked up.
bool invoice_number(const std::string &text);
/// True when `text` is shaped like the version a form of this server sends (1 to 6 digits).
bool form_version(const std::string &text);
/// The amount a form field holds as the CLI takes it: a Dutch "125,50" (no point) as "125.50".
std::string form_amount(const std::string &text);
/// Answers a POST about invoice `nummer` of `all` (the region's invoices, read in the request's write
/// transaction) whose form was shown with version `versie` (invoicing::invoice_version) when that is
/// no longer so: 400 for a version the invoice never had, 409 naming the credit note or correction
/// issued since (another controller, or the same form sent twice) followed by `niet_gedaan`. True
/// when it answered; false when the version is current (corrigeren.cpp).
bool refused_as_stale(Exchange &x, const std::vector<invoicing::Invoice> &all, const std::string &nummer,
                      const std::string &versie, const std::string &niet_gedaan);
/// GET and POST /facturen/corrigeren (corrigeren.cpp).
void corrigeren(Exchange &x);
void post_corrigeren(Exchange &x);
/// GET /portaal/document/DOC, GET /portaal/bestand/FILE, POST /portaal/vraag and /portaal/antwoord (vragen.cpp).
void portaal_document(Exchange &x);
void portaal_bestand(Exchange &x);
void post_vraag(Exchange &x);
void post_antwoord(Exchange &x);

}  // namespace vhh::host::web
