// Names the plugin that crashed. The host records which plugin it is calling and in which
// phase; a fatal signal (SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL) raised while a plugin is
// being called prints `vhh: plugin 'NAME' crashed in phase PHASE (signal SIGSEGV)` to stderr
// and ends the process with exit code 70. A crash outside plugin code keeps the default
// behaviour (the signal kills the process, a core dump where enabled).
#pragma once

#include <string>

namespace vhh::host {

/// Installs the fatal-signal handler (once; later calls do nothing). In an AddressSanitizer
/// build it installs nothing: ASan's own SEGV report (with the stack) is more useful there.
void install_plugin_crash_handler();

/// True when install_plugin_crash_handler() installed the handler (false under ASan).
bool plugin_crash_handler_installed();

/// Marks "plugin NAME is running phase PHASE" for as long as it lives; restores what was
/// marked before when it ends (so nested calls are named correctly).
class PluginCallScope {
public:
    /// Records `name` and `phase` (both truncated to the record's fixed size) as current.
    PluginCallScope(const std::string &name, const char *phase);
    ~PluginCallScope();
    PluginCallScope(const PluginCallScope &) = delete;
    PluginCallScope &operator=(const PluginCallScope &) = delete;

private:
    char saved_name_[128];
    char saved_phase_[32];
    bool saved_active_;
};

}  // namespace vhh::host
