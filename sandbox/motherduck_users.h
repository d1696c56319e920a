#ifndef ORGIAM_SANDBOX_MOTHERDUCK_USERS_H_
#define ORGIAM_SANDBOX_MOTHERDUCK_USERS_H_

#include "app.h"
#include "router.h"

namespace orgiam::sandbox {

// POST /v1/users, DELETE /v1/users/{username}, GET|PUT
// /v1/users/{username}/instances.
void RegisterMotherDuckUsers(Router& router, App& app);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_MOTHERDUCK_USERS_H_
