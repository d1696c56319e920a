#ifndef ORGIAM_ZITADEL_REGISTER_H_
#define ORGIAM_ZITADEL_REGISTER_H_

#include "framework/registry.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// Adds every ZITADEL resource, data source and ephemeral resource to `registry`.
void RegisterZitadel(const ZitadelSlot* api, framework::Registry* registry);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_REGISTER_H_
