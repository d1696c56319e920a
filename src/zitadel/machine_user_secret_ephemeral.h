#ifndef ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_
#define ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_

#include <memory>

#include "framework/resource.h"
#include "zitadel/zitadel_api.h"

namespace orgiam::zitadel {

// ephemeral "orgiam_zitadel_machine_user_secret": Open generates a fresh client secret,
// Close removes it again.
std::unique_ptr<framework::EphemeralResource> MakeMachineUserSecretEphemeral(
    const ZitadelSlot* api);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_MACHINE_USER_SECRET_EPHEMERAL_H_
