#ifndef ORGIAM_SANDBOX_ADMIN_H_
#define ORGIAM_SANDBOX_ADMIN_H_

#include "app.h"
#include "router.h"

namespace orgiam::sandbox {

// The /_sandbox/... endpoints (state, stats, faults, clock, accept, reset,
// health). They need the sandbox token (Authorization: Bearer …) and a request
// from no other origin (request_guard.h), see no faults and are not counted in
// the stats.
void RegisterAdmin(Router& router, App& app);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ADMIN_H_
