// `vhh gebruiker toevoegen|wachtwoord|rol|lijst`: the accounts of `vhh serve`, managed from the
// command line (the first beheerder has to come from somewhere).
#pragma once

#include "store/store_commands.h"

namespace vhh::host::accounts {

/// Runs `vhh gebruiker …` with the arguments after "gebruiker" in `o.args`. The password comes from
/// stdin (typed twice without echo on a terminal; otherwise its first line). Exit codes: 64 usage
/// (also an unknown rol or a bad name), 65 a refused change (name exists, unknown gemeente, weak
/// password), 66 no store, 78 a config that cannot be read.
int cmd_gebruiker(const store::CommandOptions &o);

}  // namespace vhh::host::accounts
