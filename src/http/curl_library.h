#ifndef ORGIAM_HTTP_CURL_LIBRARY_H_
#define ORGIAM_HTTP_CURL_LIBRARY_H_

// libcurl, loaded with dlopen on the first HTTP request rather than linked.
//
// Linking libcurl makes the dynamic loader map it and its ~30 dependencies
// (Kerberos, LDAP, GnuTLS, libssh2, ...) at every start of the provider,
// although most provider processes (schema, validate) never send a request.
// <curl/curl.h> still supplies the types and constants; the functions are
// called through the table below.

#include <curl/curl.h>

#include "absl/status/statusor.h"

namespace orgiam::http::internal {

// The libcurl functions the HTTP client uses. Each member is named after its
// function without the "curl_" prefix and has exactly that function's type.
struct CurlApi {
  decltype(&::curl_global_init) global_init = nullptr;
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&::curl_easy_reset) easy_reset = nullptr;
  // Variadic: pass the value with the type the option expects (long,
  // curl_off_t, a pointer), as with curl_easy_setopt itself.
  decltype(&::curl_easy_setopt) easy_setopt = nullptr;
  decltype(&::curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_multi_init) multi_init = nullptr;
  decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
  decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&::curl_multi_perform) multi_perform = nullptr;
  decltype(&::curl_multi_info_read) multi_info_read = nullptr;
  decltype(&::curl_multi_poll) multi_poll = nullptr;
  decltype(&::curl_multi_wakeup) multi_wakeup = nullptr;
  decltype(&::curl_multi_strerror) multi_strerror = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
  decltype(&::curl_getdate) getdate = nullptr;
};

// Loads libcurl.so.4, resolves every function of CurlApi and runs
// curl_global_init, once per process; later calls return the same result.
// Thread-safe. The library is never unloaded. Fails with FAILED_PRECONDITION
// when the library is missing, lacks a function or does not initialise.
absl::StatusOr<const CurlApi*> LoadCurl();

}  // namespace orgiam::http::internal

#endif  // ORGIAM_HTTP_CURL_LIBRARY_H_
