#ifndef ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_
#define ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_

#include <memory>

#include "framework/resource.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// orgiam_zitadel_machine_user
std::unique_ptr<framework::Resource> MakeMachineUserResource(const ZitadelSlot* api);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_MACHINE_USER_RESOURCE_H_
