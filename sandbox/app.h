#ifndef ORGIAM_SANDBOX_APP_H_
#define ORGIAM_SANDBOX_APP_H_

#include <string>

#include "clock.h"
#include "faults.h"
#include "stats.h"
#include "store.h"

namespace orgiam::sandbox {

// Everything a handler can reach. One per process; every member is thread-safe.
struct App {
  explicit App(std::string bearer_token) : token(std::move(bearer_token)) {}

  const std::string token;  // the one bearer token the vendor APIs accept
  Clock clock;
  Store store{&clock};
  Faults faults;
  Stats stats;
};

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_APP_H_
