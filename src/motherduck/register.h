#ifndef ORGIAM_MOTHERDUCK_REGISTER_H_
#define ORGIAM_MOTHERDUCK_REGISTER_H_

#include "framework/api_slot.h"
#include "framework/registry.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

using MotherduckSlot = framework::ApiSlot<MotherduckApi>;

// Adds every MotherDuck resource, data source and ephemeral resource to `registry`.
void RegisterMotherduck(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_REGISTER_H_
