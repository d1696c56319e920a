#ifndef ORGIAM_SANDBOX_ZITADEL_USERS_H_
#define ORGIAM_SANDBOX_ZITADEL_USERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"
#include "zitadel_common.h"

namespace orgiam::sandbox {

// Machine users of the management API v1 under /management/v1/users.
void RegisterZitadelUsers(Router& router, App& app);

// A user as GetUserByID shows it (the value of "user").
Json ZitadelUserJson(const ZitadelUser& user);

// The request body parsed as grpc-gateway would; on failure writes its InvalidArgument answer
// and returns std::nullopt.
std::optional<Json> ReadZitadelBody(const httplib::Request& req, httplib::Response& res);

// A fresh 18-digit id, like ZITADEL's sonyflake ids, not used by any user or token.
std::string NewZitadelId(const State& state);

// The page a search asks for with its ListQuery {offset, limit, asc}. Assumption: no limit
// (or 0) means 100, and a limit is capped at 1000.
struct ListPage {
  std::uint64_t offset = 0;
  std::uint64_t limit = 100;
  // Whether the match numbered `index` (from 0) goes into a page that holds `taken` so far.
  bool Holds(std::uint64_t index, std::size_t taken) const {
    return index >= offset && taken < limit;
  }
};
// The page of a search body; std::nullopt, with the InvalidArgument answer written, for a
// malformed ListQuery.
std::optional<ListPage> ReadListQuery(const Json& body, httplib::Response& res);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ZITADEL_USERS_H_
