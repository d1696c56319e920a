#ifndef ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_
#define ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// orgiam_zitadel_machine_user
void RegisterMachineUserResource(const ZitadelSlot* api, framework::Registry* registry);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_
