#ifndef ORGIAM_SANDBOX_VULTR_INVITATIONS_H_
#define ORGIAM_SANDBOX_VULTR_INVITATIONS_H_

#include <cstdint>

#include "app.h"
#include "http_util.h"
#include "router.h"
#include "store.h"

namespace orgiam::sandbox {

// Invitations expire three days after they were sent or last resent.
inline constexpr std::int64_t kInvitationLifetimeSeconds = 3 * 24 * 3600;

// GET/POST /v2/invitation, GET /v2/invitation/{id} and POST
// /v2/invitation/{id}/resend: the routes of govultr organization.go. There is
// no delete (revoke) route.
void RegisterVultrInvitations(Router& router, App& app);

// An invitation as the API shows it at sandbox time `now_us` (status fields are
// derived).
Json VultrInvitationJson(const VultrInvitation& invitation, std::int64_t now_us);

// POST /_sandbox/accept/{invitation_id}: the invited person accepts; they
// become a member (non-service) user unless a user with that email already
// exists.
void AcceptVultrInvitation(App& app, const httplib::Request& req, httplib::Response& res);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_VULTR_INVITATIONS_H_
