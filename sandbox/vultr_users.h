#ifndef ORGIAM_SANDBOX_VULTR_USERS_H_
#define ORGIAM_SANDBOX_VULTR_USERS_H_

#include <string>
#include <string_view>
#include <utility>

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// /v2/users and /v2/users/{id}.
void RegisterVultrUsers(Router& router, App& app);

// A user as GET shows it: {id, name, first_name, last_name, email,
// api_enabled, service_user, acls}.
Json VultrUserJson(const VultrUser& user);

// A full name split at its first space: {"Ada", "King Lovelace"}; {"ci", ""}.
std::pair<std::string, std::string> SplitVultrName(const std::string& name);

VultrUser* FindVultrUser(State& state, std::string_view id);
// The user the route names (its first capture); else answers Vultr's 404 and
// returns null.
VultrUser* FindRequestedVultrUser(State& state, const httplib::Request& req,
                                  httplib::Response& res);
VultrUser* FindVultrUserByEmail(State& state,
                                std::string_view email);  // case-insensitive

// A new Vultr-style API key: 36 characters of [A-Z0-9].
std::string NewVultrApiKey();

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_VULTR_USERS_H_
