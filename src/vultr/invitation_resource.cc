// orgiam_vultr_organization_invitation: an invitation for a person to join the organization.
//
// Every read refreshes status, dates and expiry, and reads email and api_enabled back, so an
// imported invitation plans no change. A pending invitation past its expiry is shown as
// "Expired"; with resend_when_expired it plans an in-place update that resends it. Destroy
// revokes a pending invitation; an accepted one has become a member, who is left in place.

#include "vultr/invitation_resource.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "framework/import_advice.h"
#include "framework/object_builder.h"
#include "framework/schema_registry.h"
#include "vultr/vultr_time.h"

namespace orgiam::vultr {
namespace {

constexpr char kTypeName[] = "orgiam_vultr_organization_invitation";
constexpr char kPending[] = "Pending";
constexpr char kAccepted[] = "Accepted";
constexpr char kExpired[] = "Expired";

using framework::GetBool;
using framework::GetString;

const framework::Schema& Schema() {
  return *framework::SchemaRegistry::Get().Find(framework::SchemaKind::kResource, kTypeName);
}

// Vultr may keep saying "Pending" after expiration_date has passed; what counts is the date.
std::string EffectiveStatus(const Invitation& invitation) {
  if (invitation.invite_status == kPending) {
    std::optional<absl::Time> expires = ParseVultrTime(invitation.expiration_date);
    if (expires && *expires < absl::Now()) return kExpired;
  }
  return invitation.invite_status;
}

// Whether the invitation recorded in `state` is past its expiry and not yet accepted.
bool IsExpired(const cty::Value& state) {
  const std::string status = GetString(state, "invite_status");
  if (status == kExpired) return true;
  if (status != kPending) return false;
  std::optional<absl::Time> expires = ParseVultrTime(GetString(state, "expiration_date"));
  return expires && *expires < absl::Now();
}

// Maps an API invitation onto the state, keeping settings the API does not know from `base`.
cty::Value ToState(const Invitation& invitation, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  // Email addresses are case-insensitive: keep the configured spelling when it matches.
  const std::string known_email = GetString(base, "email");
  const bool same_email = !known_email.empty() && absl::AsciiStrToLower(known_email) ==
                                                      absl::AsciiStrToLower(invitation.email);
  state.SetString("id", invitation.id)
      .SetString("email", same_email ? known_email : invitation.email)
      .SetBool("api_enabled", invitation.api_enabled)
      .SetString("invite_status", EffectiveStatus(invitation))
      .SetBool("email_registered", invitation.email_registered)
      .SetString("date_created", invitation.date_created)
      .SetString("date_responded", invitation.date_responded)
      .SetString("expiration_date", invitation.expiration_date);
  const cty::Value& resend =
      base.IsNullOrUnknown() ? cty::Value() : base.GetAttr("resend_when_expired");
  if (resend.IsNull() || !resend.IsKnown()) state.SetBool("resend_when_expired", true);
  return state.Build();
}

// Among several invitations for one email, the one an import most likely means: a pending
// one, then an accepted one, then the newest.
int Rank(const Invitation& invitation) {
  const std::string status = EffectiveStatus(invitation);
  if (status == kPending) return 2;
  if (status == kAccepted) return 1;
  return 0;
}

class InvitationResource : public framework::Resource {
 public:
  explicit InvitationResource(const VultrSlot* api) : api_(api) {}

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* /*diagnostics*/) const override {
    if (request.prior.IsNull() || planned->IsNull()) return;
    // A replacement sends a new invitation anyway.
    if (!planned->GetAttr("email").Equals(request.prior.GetAttr("email")) ||
        !planned->GetAttr("api_enabled").Equals(request.prior.GetAttr("api_enabled"))) {
      return;
    }
    const cty::Value& resend = planned->GetAttr("resend_when_expired");
    if (!resend.IsKnown() || resend.IsNull() || !resend.AsBool()) return;
    if (!IsExpired(request.prior)) return;
    // The resend renews the invitation: its status and expiry change in place.
    *planned = planned->WithAttr("invite_status", cty::Value::Unknown(cty::Type::String()))
                   .WithAttr("expiration_date", cty::Value::Unknown(cty::Type::String()));
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = api_->Get(diagnostics);
    if (!api) return cty::Value();
    absl::StatusOr<Invitation> invitation =
        api->CreateInvitation(GetString(planned, "email"), GetBool(planned, "api_enabled", true));
    if (!invitation.ok()) {
      framework::AddCreateFailure(diagnostics, invitation.status(),
                                  "Could not create the Vultr invitation", kTypeName);
      return cty::Value();
    }
    return ToState(*invitation, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = api_->Get(diagnostics);
    if (!api) return state;
    absl::StatusOr<Invitation> invitation = api->GetInvitation(GetString(state, "id"));
    if (absl::IsNotFound(invitation.status())) return std::nullopt;
    if (!invitation.ok()) {
      diagnostics->AddStatus(invitation.status(), "Could not read the Vultr invitation");
      return state;
    }
    return ToState(*invitation, state);
  }

  cty::Value Update(const cty::Value& prior, const cty::Value& planned,
                    const cty::Value& /*config*/, framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = api_->Get(diagnostics);
    if (!api) return cty::Value();
    const std::string id = GetString(prior, "id");
    absl::StatusOr<Invitation> invitation;
    if (GetBool(planned, "resend_when_expired", true) && IsExpired(prior)) {
      invitation = api->ResendInvitation(id);
      if (!invitation.ok()) {
        diagnostics->AddStatus(invitation.status(), "Could not resend the Vultr invitation");
        return cty::Value();
      }
    } else {
      invitation = api->GetInvitation(id);
      if (!invitation.ok()) {
        diagnostics->AddStatus(invitation.status(), "Could not read the Vultr invitation");
        return cty::Value();
      }
    }
    return ToState(*invitation, planned);
  }

  void Delete(const cty::Value& prior, framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = api_->Get(diagnostics);
    if (!api) return;
    const std::string id = GetString(prior, "id");
    absl::StatusOr<Invitation> invitation = api->GetInvitation(id);
    if (absl::IsNotFound(invitation.status())) return;
    if (!invitation.ok()) {
      diagnostics->AddStatus(invitation.status(), "Could not read the Vultr invitation");
      return;
    }
    if (invitation->invite_status == kAccepted) {
      WarnAccepted(*invitation, diagnostics);
      return;
    }
    absl::Status revoked = api->RevokeInvitation(id);
    if (revoked.ok()) return;
    // Accepted between the read and the revoke.
    absl::StatusOr<Invitation> again = api->GetInvitation(id);
    if (absl::IsInvalidArgument(revoked) && again.ok() && again->invite_status == kAccepted) {
      WarnAccepted(*again, diagnostics);
      return;
    }
    diagnostics->AddStatus(revoked, "Could not revoke the Vultr invitation");
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = api_->Get(diagnostics);
    if (!api) return std::nullopt;
    std::string invitation_id = id;
    if (absl::StrContains(id, "@")) {
      absl::StatusOr<std::vector<Invitation>> all = api->ListInvitations();
      if (!all.ok()) {
        diagnostics->AddStatus(all.status(), "Could not list the Vultr invitations");
        return std::nullopt;
      }
      const Invitation* best = nullptr;
      const std::string wanted = absl::AsciiStrToLower(id);
      for (const Invitation& invitation : *all) {
        if (absl::AsciiStrToLower(invitation.email) != wanted) continue;
        if (best == nullptr || Rank(invitation) > Rank(*best) ||
            (Rank(invitation) == Rank(*best) && invitation.date_created > best->date_created)) {
          best = &invitation;
        }
      }
      if (best == nullptr) return std::nullopt;
      invitation_id = best->id;
    }
    absl::StatusOr<Invitation> invitation = api->GetInvitation(invitation_id);
    if (absl::IsNotFound(invitation.status())) return std::nullopt;
    if (!invitation.ok()) {
      diagnostics->AddStatus(invitation.status(), "Could not read the Vultr invitation");
      return std::nullopt;
    }
    return ToState(*invitation, cty::Value());
  }

 private:
  static void WarnAccepted(const Invitation& invitation, framework::Diagnostics* diagnostics) {
    diagnostics->AddWarning(
        "Invitation already accepted: member left in place",
        absl::StrCat("The invitation ", invitation.id, " for ", invitation.email,
                     " was accepted, so there is nothing to revoke. It was removed from the "
                     "Terraform state, but the member stays in the Vultr organization. Remove "
                     "the user from the organization to take away their access."));
  }

  const VultrSlot* api_;
};

}  // namespace

std::unique_ptr<framework::Resource> MakeInvitationResource(const VultrSlot* api) {
  return std::make_unique<InvitationResource>(api);
}

}  // namespace orgiam::vultr
