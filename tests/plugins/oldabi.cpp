// test.oldabi: a plugin built with -D_GLIBCXX_USE_CXX11_ABI=0 (libstdc++'s pre-C++11 std::string
// and std::list). Its std::string is not the host's, so the host must refuse it from the manifest's
// toolchain facts before any C++ object crosses. It uses only header code of the SDK.
#include "vhh/plugin.h"

#if !defined(_GLIBCXX_USE_CXX11_ABI) || _GLIBCXX_USE_CXX11_ABI != 0
#error "oldabi.cpp must be compiled with -D_GLIBCXX_USE_CXX11_ABI=0"
#endif

namespace {
class OldAbi : public vhh::Plugin {};
}  // namespace

VHH_PLUGIN(OldAbi, "test.oldabi", "0.1.0", "test plugin built with the old libstdc++ ABI", VHH_KIND_COMPUTE,
           VHH_NO_SETTINGS)
