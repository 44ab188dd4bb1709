#include "plugins/plugin_crash_guard.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace vhh::host {

namespace {

// What the handler reads. Written only by the main thread around plugin calls; the handler
// only reads them. `g_active` is written last on entry and first on exit, so the handler
// never sees a half-written name while it is set.
char g_name[128];
char g_phase[32];
volatile sig_atomic_t g_active = 0;
bool g_installed = false;

// Stack for the handler, so a stack overflow in a plugin is reported too.
alignas(16) char g_alt_stack[64 * 1024];

constexpr int kSignals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

const char *signal_name(int sig) {
    switch (sig) {
        case SIGSEGV: return "SIGSEGV";
        case SIGABRT: return "SIGABRT";
        case SIGBUS: return "SIGBUS";
        case SIGFPE: return "SIGFPE";
        case SIGILL: return "SIGILL";
        default: return "?";
    }
}

void copy_truncated(char *to, std::size_t size, const char *from) {
    std::size_t n = std::strlen(from);
    if (n >= size) n = size - 1;
    std::memcpy(to, from, n);
    to[n] = '\0';
}

void write_all(const char *s) {
    std::size_t n = std::strlen(s);  // strlen is async-signal-safe in practice (POSIX.1-2016 lists it)
    while (n > 0) {
        ssize_t w = ::write(STDERR_FILENO, s, n);
        if (w <= 0) return;
        s += w;
        n -= static_cast<std::size_t>(w);
    }
}

// Async-signal-safe: write(2), signal(2), raise(3) and _exit(2) only.
void on_fatal_signal(int sig) {
    if (!g_active) {
        // Not in plugin code: a host bug. Die of the signal as if no handler were installed.
        ::signal(sig, SIG_DFL);
        ::raise(sig);
        return;
    }
    write_all("vhh: plugin '");
    write_all(g_name);
    write_all("' crashed in phase ");
    write_all(g_phase);
    write_all(" (signal ");
    write_all(signal_name(sig));
    write_all(")\n");
    ::_exit(70);
}

}  // namespace

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kUnderAsan = true;
#else
constexpr bool kUnderAsan = false;
#endif
#else
constexpr bool kUnderAsan = false;
#endif

void install_plugin_crash_handler() {
    // Under ASan: skip, do not chain. ASan installs its own SEGV/BUS/FPE handlers and prints the
    // faulting stack, which is what the sanitizer build is for; replacing or chaining them would
    // either hide that report or run our _exit(70) before it. The e2e crash test skips there.
    if (kUnderAsan || g_installed) return;
    stack_t ss{};
    ss.ss_sp = g_alt_stack;
    ss.ss_size = sizeof g_alt_stack;
    ::sigaltstack(&ss, nullptr);
    struct sigaction sa {};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    for (int sig : kSignals) ::sigaction(sig, &sa, nullptr);
    g_installed = true;
}

bool plugin_crash_handler_installed() { return g_installed; }

PluginCallScope::PluginCallScope(const std::string &name, const char *phase) : saved_active_(g_active != 0) {
    std::memcpy(saved_name_, g_name, sizeof saved_name_);
    std::memcpy(saved_phase_, g_phase, sizeof saved_phase_);
    g_active = 0;
    std::atomic_signal_fence(std::memory_order_seq_cst);  // the handler never sees a half-written name
    copy_truncated(g_name, sizeof g_name, name.c_str());
    copy_truncated(g_phase, sizeof g_phase, phase);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    g_active = 1;
}

PluginCallScope::~PluginCallScope() {
    g_active = 0;
    std::atomic_signal_fence(std::memory_order_seq_cst);
    std::memcpy(g_name, saved_name_, sizeof g_name);
    std::memcpy(g_phase, saved_phase_, sizeof g_phase);
    std::atomic_signal_fence(std::memory_order_seq_cst);
    g_active = saved_active_ ? 1 : 0;
}

}  // namespace vhh::host
