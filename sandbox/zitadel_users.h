#ifndef ORGIAM_SANDBOX_ZITADEL_USERS_H_
#define ORGIAM_SANDBOX_ZITADEL_USERS_H_

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// Machine users of the management API v1 under /management/v1/users.
void RegisterZitadelUsers(Router& router, App& app);

// A user as GetUserByID shows it (the value of "user").
Json ZitadelUserJson(const ZitadelUser& user);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ZITADEL_USERS_H_
