#ifndef ORGIAM_SANDBOX_ZITADEL_USERS_H_
#define ORGIAM_SANDBOX_ZITADEL_USERS_H_

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

// The machine user named by the route's first parameter in `org`; else writes the 404 and
// returns nullptr. The machine commands load a machine write model
// (internal/command/user_machine.go ChangeMachine, user_machine_secret.go), which finds no
// machine behind a human's id: "Errors.User.NotFound". Assumption: the same NotFound answer
// as GetUserByID's miss.
ZitadelUser* FindRequestedMachine(State& state, const ZitadelOrg& org, const httplib::Request& req,
                                  httplib::Response& res);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ZITADEL_USERS_H_
