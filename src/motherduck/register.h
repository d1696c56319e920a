#ifndef ORGIAM_MOTHERDUCK_REGISTER_H_
#define ORGIAM_MOTHERDUCK_REGISTER_H_

#include "framework/registry.h"
#include "motherduck/motherduck_api.h"

namespace orgiam::motherduck {

// Adds every MotherDuck resource, data source and ephemeral resource to `registry`.
void RegisterMotherduck(const MotherduckSlot* api, framework::Registry* registry);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_REGISTER_H_
