#include "motherduck/register.h"

namespace orgiam::motherduck {

void RegisterMotherduck(const MotherduckSlot* /*api*/, framework::Registry* /*registry*/) {}

}  // namespace orgiam::motherduck
