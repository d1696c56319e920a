#ifndef ORGIAM_SANDBOX_ZITADEL_PATS_H_
#define ORGIAM_SANDBOX_ZITADEL_PATS_H_

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// Personal access tokens of machine users under /management/v1/users/{user_id}/pats.
void RegisterZitadelPats(Router& router, App& app);

// zitadel.user.v1.PersonalAccessToken: {id, details, expirationDate}.
Json ZitadelPatJson(const ZitadelPat& pat);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ZITADEL_PATS_H_
