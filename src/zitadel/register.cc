#include "zitadel/register.h"

#include "zitadel/machine_user_data_source.h"
#include "zitadel/machine_user_resource.h"
#include "zitadel/machine_user_secret_ephemeral.h"

namespace orgiam::zitadel {

void RegisterZitadel(const ZitadelSlot* api, framework::Registry* registry) {
  registry->AddResource("orgiam_zitadel_machine_user", MakeMachineUserResource(api));
  registry->AddDataSource("orgiam_zitadel_machine_user", MakeMachineUserDataSource(api));
  registry->AddEphemeral("orgiam_zitadel_machine_user_secret", MakeMachineUserSecretEphemeral(api));
}

}  // namespace orgiam::zitadel
