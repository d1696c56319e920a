#include "zitadel/register.h"

#include "zitadel/machine_user_data_source.h"
#include "zitadel/machine_user_resource.h"
#include "zitadel/machine_user_secret_ephemeral.h"
#include "zitadel/personal_access_token_resource.h"

namespace orgiam::zitadel {

// One line per type; each Register... names its type once, in its own file.
void RegisterZitadel(const ZitadelSlot* api, framework::Registry* registry) {
  RegisterMachineUserResource(api, registry);
  RegisterMachineUserDataSource(api, registry);
  RegisterMachineUserSecretEphemeral(api, registry);
  RegisterPersonalAccessTokenResource(api, registry);
}

}  // namespace orgiam::zitadel
