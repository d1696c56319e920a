#include "vultr_invitations.h"

#include <algorithm>
#include <string>

#include "clock.h"
#include "ids.h"
#include "text.h"
#include "vultr_common.h"
#include "vultr_users.h"

namespace orgiam::sandbox {
namespace {

// The organization the sandbox token belongs to, and its owner who sends
// invitations.
constexpr char kOrgId[] = "8b0b4c9e-3f0a-4e36-9c51-5a2f1d0e7a11";
constexpr char kOrgName[] = "Sandbox Organization";
constexpr char kInviterName[] = "Sandbox Owner";
constexpr char kInviterEmail[] = "owner@sandbox.example";

enum class InviteState { kPending, kAccepted, kExpired };

InviteState StateAt(const VultrInvitation& invitation, std::int64_t now_us) {
  if (invitation.accepted) return InviteState::kAccepted;
  if (now_us > invitation.expires_us) return InviteState::kExpired;
  return InviteState::kPending;
}

VultrInvitation* FindInvitation(State& state, const std::string& id) {
  for (VultrInvitation& invitation : state.vultr_invitations) {
    if (invitation.id == id) return &invitation;
  }
  return nullptr;
}

void CreateInvitation(App& app, const httplib::Request& req, httplib::Response& res) {
  const auto body = ParseBody(req.body);
  if (!body || !body->is_object()) {
    VultrError(res, 400, "Invalid JSON in request body.");
    return;
  }
  const Json* email = Member(*body, "email_invited");
  if (email == nullptr || !email->is_string() || email->get<std::string>().empty()) {
    VultrError(res, 400, "email_invited is required.");
    return;
  }
  if (!IsValidEmail(email->get<std::string>())) {
    VultrError(res, 400, "Invalid email address.");
    return;
  }
  bool api_enabled = false;
  if (const Json* permissions = Member(*body, "permissions")) {
    if (!permissions->is_object()) {
      VultrError(res, 400, "permissions must be an object.");
      return;
    }
    if (const Json* value = Member(*permissions, "api_enabled");
        value && !ReadVultrBool(*value, &api_enabled)) {
      VultrError(res, 400, "Invalid value for permissions.api_enabled.");
      return;
    }
  }
  auto tx = app.store.Begin();
  State& state = tx.state();
  const std::int64_t now = app.clock.NowMicros();
  const std::string wanted = AsciiLower(email->get<std::string>());
  for (const VultrInvitation& other : state.vultr_invitations) {
    if (AsciiLower(other.email_invited) == wanted && StateAt(other, now) == InviteState::kPending) {
      VultrError(res, 400, "An invitation for that email is already pending.");
      return;
    }
  }
  VultrInvitation invitation;
  invitation.id = NewUuid();
  invitation.email_invited = email->get<std::string>();
  invitation.api_enabled = api_enabled;
  invitation.email_registered = FindVultrUserByEmail(state, invitation.email_invited) != nullptr;
  invitation.created_us = now;
  invitation.expires_us = now + kInvitationLifetimeSeconds * kMicrosPerSecond;
  invitation.seq = state.NextSeq();
  const Json view = VultrInvitationJson(invitation, now);
  state.vultr_invitations.push_back(std::move(invitation));
  tx.MarkDirty();
  SendJson(res, 201, view);
}

void ListInvitations(App& app, const httplib::Request& req, httplib::Response& res) {
  PageRequest page;
  if (!ReadPageRequest(req, res, &page)) return;
  auto tx = app.store.Begin();
  const std::int64_t now = app.clock.NowMicros();
  SendJson(res, 200,
           PageJson("invites", tx.state().vultr_invitations, page,
                    [now](const VultrInvitation& inv) { return VultrInvitationJson(inv, now); }));
}

void GetInvitation(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  const VultrInvitation* invitation = FindInvitation(tx.state(), req.matches[1].str());
  if (invitation == nullptr) {
    VultrError(res, 404, "Invite not found.");
    return;
  }
  SendJson(res, 200, VultrInvitationJson(*invitation, app.clock.NowMicros()));
}

void ResendInvitation(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  VultrInvitation* invitation = FindInvitation(tx.state(), req.matches[1].str());
  if (invitation == nullptr) {
    VultrError(res, 404, "Invite not found.");
    return;
  }
  // Only a Pending invitation can be resent (docs.vultr.com "How to Resend an
  // Organization Invitation"). One past its expiration_date still reads Pending
  // (see VultrInvitationJson), and resending is how it is renewed.
  if (invitation->accepted) {
    VultrError(res, 400, "This invitation has already been accepted.");
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  invitation->expires_us = now + kInvitationLifetimeSeconds * kMicrosPerSecond;
  tx.MarkDirty();
  SendJson(res, 200, VultrInvitationJson(*invitation, now));
}

}  // namespace

Json VultrInvitationJson(const VultrInvitation& invitation, std::int64_t now_us) {
  // Pending until accepted, also past expiration_date. Assumption: no source
  // names an "Expired" status; the resend guide says only Pending invitations
  // can be resent and that resending renews an expired one, so an expired
  // invitation must still read Pending. Clients compare expiration_date.
  const bool accepted = StateAt(invitation, now_us) == InviteState::kAccepted;
  const char* invite_status = accepted ? "Accepted" : "Pending";
  const char* status = accepted ? "accepted" : "pending";
  const char* status_full = accepted ? "Invite Accepted" : "Invite Pending";
  return {{"id", invitation.id},
          {"inviter_name", kInviterName},
          {"inviter_email", kInviterEmail},
          {"email_invited", invitation.email_invited},
          {"email_registered", invitation.email_registered},
          {"permissions", {{"api_enabled", invitation.api_enabled}}},
          {"org_id", kOrgId},
          {"org_name", kOrgName},
          {"status", status},
          {"status_full", status_full},
          {"invite_status", invite_status},
          {"date_created", FormatVultrTime(invitation.created_us)},
          {"date_responded",
           invitation.responded_us != 0 ? FormatVultrTime(invitation.responded_us) : ""},
          {"expiration_date", FormatVultrTime(invitation.expires_us)}};
}

void AcceptVultrInvitation(App& app, const httplib::Request& req, httplib::Response& res) {
  auto tx = app.store.Begin();
  State& state = tx.state();
  VultrInvitation* invitation = FindInvitation(state, req.matches[1].str());
  if (invitation == nullptr) {
    VultrError(res, 404, "Invite not found.");
    return;
  }
  const std::int64_t now = app.clock.NowMicros();
  switch (StateAt(*invitation, now)) {
    case InviteState::kAccepted:
      VultrError(res, 409, "This invitation has already been accepted.");
      return;
    case InviteState::kExpired:
      VultrError(res, 400, "This invitation has expired; resend it first.");
      return;
    case InviteState::kPending:
      break;
  }
  invitation->accepted = true;
  invitation->responded_us = now;
  VultrUser* user = FindVultrUserByEmail(state, invitation->email_invited);
  if (user == nullptr) {
    VultrUser member;
    member.id = NewUuid();
    member.email = invitation->email_invited;
    member.name = member.email.substr(0, member.email.find('@'));
    member.first_name = member.name;
    member.api_enabled = invitation->api_enabled;
    member.service_user = false;
    if (member.api_enabled) member.api_key = NewVultrApiKey();
    member.created_us = now;
    member.seq = state.NextSeq();
    state.vultr_users.push_back(std::move(member));
    user = &state.vultr_users.back();
  }
  tx.MarkDirty();
  SendJson(res, 200,
           {{"invitation", VultrInvitationJson(*invitation, now)}, {"user", VultrUserJson(*user)}});
}

void RegisterVultrInvitations(Router& router, App& app) {
  router.Route(Vendor::kVultr, "GET", "/v2/invitation", Bind(app, ListInvitations));
  router.Route(Vendor::kVultr, "POST", "/v2/invitation", Bind(app, CreateInvitation));
  router.Route(Vendor::kVultr, "GET", "/v2/invitation/{id}", Bind(app, GetInvitation));
  router.Route(Vendor::kVultr, "POST", "/v2/invitation/{id}/resend", Bind(app, ResendInvitation));
}

}  // namespace orgiam::sandbox
