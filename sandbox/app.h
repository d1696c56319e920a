#ifndef ORGIAM_SANDBOX_APP_H_
#define ORGIAM_SANDBOX_APP_H_

#include <atomic>
#include <string>

#include "clock.h"
#include "faults.h"
#include "stats.h"
#include "store.h"

namespace orgiam::sandbox {

// Everything a handler can reach. One per process; every member is thread-safe.
struct App {
  explicit App(std::string bearer_token, bool accept_issued = false)
      : token(std::move(bearer_token)), accept_issued_credentials(accept_issued) {}

  const std::string token;  // the bearer token the vendor APIs always accept
  // --accept-issued-credentials: the vendor APIs also accept the keys and
  // tokens the sandbox issued, while they are valid (see credentials.h).
  const bool accept_issued_credentials;
  // The port the server is bound to; set once, before it serves (the Host
  // check in request_guard.h compares against it).
  std::atomic<int> port{0};
  Clock clock;
  Store store{&clock};
  Faults faults;
  Stats stats;
};

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_APP_H_
