#ifndef ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_
#define ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// ephemeral "orgiam_zitadel_machine_user_secret": Open generates a fresh client secret,
// Close removes it again.
void RegisterMachineUserSecretEphemeral(const ZitadelSlot* api, framework::Registry* registry);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_
