#include "zitadel/register.h"

namespace orgiam::zitadel {

void RegisterZitadel(const ZitadelSlot* /*api*/, framework::Registry* /*registry*/) {}

}  // namespace orgiam::zitadel
