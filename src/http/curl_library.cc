#include "http/curl_library.h"

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace orgiam::http::internal {
namespace {

// The soname of libcurl 7.16 and later (Debian package libcurl4, OpenSSL
// flavour).
constexpr char kCurlSoname[] = "libcurl.so.4";

template <typename Function>
bool Resolve(void* library, const char* name, Function* out, std::string* missing) {
  void* symbol = dlsym(library, name);
  if (symbol == nullptr) {
    absl::StrAppend(missing, missing->empty() ? "" : ", ", name);
    return false;
  }
  *out = reinterpret_cast<Function>(symbol);
  return true;
}

absl::StatusOr<CurlApi> Load(const char* soname) {
  // RTLD_LOCAL: libcurl's symbols (and those of its dependencies) stay out of
  // the global namespace.
  void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) {
    const char* reason = dlerror();
    return absl::FailedPreconditionError(
        absl::StrCat("libcurl4 is not installed: ", soname, " could not be loaded (",
                     reason != nullptr ? reason : "unknown error",
                     "); the provider needs it for HTTP requests (Debian/Ubuntu: apt-get "
                     "install libcurl4; other systems: the libcurl package with ",
                     soname, ")"));
  }
  CurlApi api;
  std::string missing;
  // The member name is the function name without "curl_", so the two cannot
  // drift apart.
#define ORGIAM_RESOLVE_CURL(member) Resolve(library, "curl_" #member, &api.member, &missing)
  ORGIAM_RESOLVE_CURL(global_init);
  ORGIAM_RESOLVE_CURL(easy_init);
  ORGIAM_RESOLVE_CURL(easy_cleanup);
  ORGIAM_RESOLVE_CURL(easy_reset);
  ORGIAM_RESOLVE_CURL(easy_setopt);
  ORGIAM_RESOLVE_CURL(easy_getinfo);
  ORGIAM_RESOLVE_CURL(easy_strerror);
  ORGIAM_RESOLVE_CURL(multi_init);
  ORGIAM_RESOLVE_CURL(multi_cleanup);
  ORGIAM_RESOLVE_CURL(multi_add_handle);
  ORGIAM_RESOLVE_CURL(multi_remove_handle);
  ORGIAM_RESOLVE_CURL(multi_perform);
  ORGIAM_RESOLVE_CURL(multi_info_read);
  ORGIAM_RESOLVE_CURL(multi_poll);
  ORGIAM_RESOLVE_CURL(multi_wakeup);
  ORGIAM_RESOLVE_CURL(multi_strerror);
  ORGIAM_RESOLVE_CURL(slist_append);
  ORGIAM_RESOLVE_CURL(slist_free_all);
  ORGIAM_RESOLVE_CURL(getdate);
#undef ORGIAM_RESOLVE_CURL
  if (!missing.empty()) {
    dlclose(library);
    return absl::FailedPreconditionError(absl::StrCat(
        soname, " is too old for the provider (libcurl 7.85 or later is needed): ", "it lacks ",
        missing));
  }
  const CURLcode code = api.global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) {
    // The library stays loaded: curl_global_init may have started something
    // that unloading would pull from under.
    return absl::FailedPreconditionError(absl::StrCat(
        "libcurl could not be initialised: curl_global_init returned ", static_cast<int>(code)));
  }
  return api;
}

}  // namespace

absl::StatusOr<const CurlApi*> LoadCurl() {
  static std::once_flag once;
  // Deliberately leaked, like the library itself: transfers may still run in
  // other threads while the process exits.
  static const absl::StatusOr<CurlApi>* loaded = nullptr;
  std::call_once(once, [] { loaded = new absl::StatusOr<CurlApi>(Load(kCurlSoname)); });
  if (!loaded->ok()) return loaded->status();
  return &**loaded;
}

}  // namespace orgiam::http::internal
