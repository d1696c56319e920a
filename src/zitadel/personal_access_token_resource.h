#ifndef ORGIAM_ZITADEL_PERSONAL_ACCESS_TOKEN_RESOURCE_H_
#define ORGIAM_ZITADEL_PERSONAL_ACCESS_TOKEN_RESOURCE_H_

#include "framework/registry.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// orgiam_zitadel_personal_access_token
void RegisterPersonalAccessTokenResource(const ZitadelSlot* api, framework::Registry* registry);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_PERSONAL_ACCESS_TOKEN_RESOURCE_H_
