#ifndef ORGIAM_ZITADEL_MACHINE_USER_DATA_SOURCE_H_
#define ORGIAM_ZITADEL_MACHINE_USER_DATA_SOURCE_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// data "orgiam_zitadel_machine_user": by id or user_name, in org_id or the provider's org.
void RegisterMachineUserDataSource(const ZitadelSlot* api, framework::Registry* registry);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_MACHINE_USER_DATA_SOURCE_H_
