// orgiam_vultr_organization_invitation: an invitation for a person to join the organization.
//
// Every read refreshes status, dates and expiry, and reads email and api_enabled back, so an
// imported invitation plans no change. invite_status is what Vultr reports. With
// resend_when_expired, an invitation still "Pending" past its expiration_date plans an in-place
// resend (Vultr resends only Pending invitations), and one Vultr reports as "Expired" plans a
// replacement: a new invitation.
//
// Vultr documents no way to revoke an invitation (govultr's InvitationService has Create, Get,
// List and Resend; the official provider's Delete calls nothing). Destroy therefore only
// forgets it, with a warning that a pending invitation stays valid until its expiration_date.

#include "vultr/invitation_resource.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "framework/import_advice.h"
#include "framework/object_builder.h"
#include "framework/read_back.h"
#include "framework/schema_registry.h"
#include "framework/vendor_type.h"
#include "vultr/vultr_time.h"

namespace orgiam::vultr {
namespace {

constexpr char kTypeName[] = "orgiam_vultr_organization_invitation";
constexpr char kPending[] = "Pending";
constexpr char kAccepted[] = "Accepted";
constexpr char kExpired[] = "Expired";

const framework::Schema& Schema() { return framework::ResourceSchema(kTypeName); }

// Still Pending by Vultr's word, but past its expiry: a resend renews it in place.
bool PendingPastExpiry(const cty::Value& state) {
  return framework::GetString(state, "invite_status") == kPending &&
         VultrTimeHasPassed(framework::GetString(state, "expiration_date"));
}

// Reported as expired by Vultr, which resends only Pending invitations: only a new one helps.
bool ReportedExpired(const cty::Value& state) {
  return absl::EqualsIgnoreCase(framework::GetString(state, "invite_status"), kExpired);
}

// Maps an API invitation onto the state, keeping settings the API does not know from `base`.
cty::Value ToState(const Invitation& invitation, const cty::Value& base) {
  framework::ObjectBuilder state(Schema(), base);
  // Email addresses are case-insensitive: keep the configured spelling when it matches.
  const std::string known_email = framework::GetString(base, "email");
  const bool same_email = !known_email.empty() && absl::AsciiStrToLower(known_email) ==
                                                      absl::AsciiStrToLower(invitation.email);
  state.SetString("id", invitation.id)
      .SetString("email", same_email ? known_email : invitation.email)
      .SetBool("api_enabled", invitation.api_enabled)
      .SetString("invite_status", invitation.invite_status)
      .SetBool("email_registered", invitation.email_registered)
      // Times: the known spelling of the same second, else UTC with Z.
      .SetTime("date_created", invitation.date_created, kVultrTimePrecision)
      .SetTime("date_responded", invitation.date_responded, kVultrTimePrecision)
      .SetTime("expiration_date", invitation.expiration_date, kVultrTimePrecision);
  const cty::Value& resend =
      base.IsNullOrUnknown() ? cty::Value() : base.GetAttr("resend_when_expired");
  if (resend.IsNull() || !resend.IsKnown()) state.SetBool("resend_when_expired", true);
  return state.Build();
}

// Among several invitations for one email, the one an import most likely means: a pending
// one, then an accepted one, then the newest.
int Rank(const Invitation& invitation) {
  if (invitation.invite_status == kPending && !VultrTimeHasPassed(invitation.expiration_date))
    return 2;
  if (invitation.invite_status == kAccepted) return 1;
  return 0;
}

// Computed string attributes that belong to one invitation and are new for a new one.
constexpr const char* kPerInvitation[] = {"id", "invite_status", "date_created", "date_responded",
                                          "expiration_date"};

class InvitationResource : public framework::VendorResource<VultrApi> {
 public:
  using VendorType::VendorType;

  void ModifyPlan(const framework::PlanRequest& request, cty::Value* planned,
                  framework::Diagnostics* diagnostics) const override {
    if (request.prior.IsNull() || planned->IsNull()) return;
    // A replacement sends a new invitation anyway.
    if (!planned->GetAttr("email").Equals(request.prior.GetAttr("email")) ||
        !planned->GetAttr("api_enabled").Equals(request.prior.GetAttr("api_enabled"))) {
      return;
    }
    const cty::Value& resend = planned->GetAttr("resend_when_expired");
    if (!resend.IsKnown() || resend.IsNull() || !resend.AsBool()) return;
    if (PendingPastExpiry(request.prior)) {
      // The resend renews the invitation: its status and expiry change in place.
      *planned = planned->WithAttr("invite_status", cty::Value::Unknown(cty::Type::String()))
                     .WithAttr("expiration_date", cty::Value::Unknown(cty::Type::String()));
      return;
    }
    if (!ReportedExpired(request.prior) || request.requires_replace == nullptr) return;
    for (const char* name : kPerInvitation) {
      *planned = planned->WithAttr(name, cty::Value::Unknown(cty::Type::String()));
    }
    *planned = planned->WithAttr("email_registered", cty::Value::Unknown(cty::Type::Bool()));
    request.requires_replace->push_back(cty::Path().Attr("invite_status"));
    diagnostics->AddWarning(
        "Expired invitation: a new one is planned",
        absl::StrCat("Vultr reports the invitation ", framework::GetString(request.prior, "id"),
                     " for ", framework::GetString(request.prior, "email"),
                     " as Expired and resends only pending invitations, so resend_when_expired "
                     "plans a new invitation in its place. Set resend_when_expired = false to "
                     "keep the expired one."));
  }

  cty::Value Create(const cty::Value& planned, const cty::Value& /*config*/,
                    framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    absl::StatusOr<Invitation> invitation = api->CreateInvitation(
        framework::GetString(planned, "email"), framework::GetBool(planned, "api_enabled", true));
    if (!invitation.ok()) {
      framework::AddCreateFailure(diagnostics, invitation.status(),
                                  "Could not create the Vultr invitation", kTypeName);
      return cty::Value();
    }
    return ToState(*invitation, planned);
  }

  std::optional<cty::Value> Read(const cty::Value& state,
                                 framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return state;
    return framework::StateFromLookup(
        api->GetInvitation(framework::GetString(state, "id")), state,
        "Could not read the Vultr invitation", diagnostics,
        [&](const Invitation& invitation) { return ToState(invitation, state); });
  }

  cty::Value Update(const cty::Value& prior, const cty::Value& planned,
                    const cty::Value& /*config*/, framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return cty::Value();
    const std::string id = framework::GetString(prior, "id");
    absl::StatusOr<Invitation> invitation;
    if (framework::GetBool(planned, "resend_when_expired", true) && PendingPastExpiry(prior)) {
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
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
    if (!api) return;
    // Nothing is deleted (there is no revoke); the read only tells which warning applies.
    absl::StatusOr<Invitation> invitation = api->GetInvitation(framework::GetString(prior, "id"));
    if (absl::IsNotFound(invitation.status())) return;
    Invitation known;
    if (invitation.ok()) {
      known = *std::move(invitation);
    } else {
      known.id = framework::GetString(prior, "id");
      known.email = framework::GetString(prior, "email");
      known.invite_status = framework::GetString(prior, "invite_status");
      known.expiration_date = framework::GetString(prior, "expiration_date");
    }
    if (known.invite_status == kAccepted) {
      WarnAccepted(known, diagnostics);
    } else if (known.invite_status == kPending && !VultrTimeHasPassed(known.expiration_date)) {
      WarnStillValid(known, diagnostics);
    }
  }

  std::optional<cty::Value> Import(const std::string& id,
                                   framework::Diagnostics* diagnostics) override {
    std::shared_ptr<VultrApi> api = ConfiguredApi(diagnostics);
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
                     " was accepted. It was removed from the "
                     "Terraform state, but the member stays in the Vultr organization. Remove "
                     "the user from the organization to take away their access."));
  }

  static void WarnStillValid(const Invitation& invitation, framework::Diagnostics* diagnostics) {
    diagnostics->AddWarning(
        "Vultr cannot revoke invitations: this one stays valid",
        absl::StrCat("Vultr offers no way to revoke an invitation. The invitation ", invitation.id,
                     " for ", invitation.email,
                     " was removed from the Terraform state, but it stays valid until ",
                     invitation.expiration_date.empty() ? "it expires" : invitation.expiration_date,
                     ": until then it can still be accepted. If it is, remove the new member from "
                     "the organization to take away their access."));
  }
};

}  // namespace

void RegisterInvitationResource(const VultrSlot* api, framework::Registry* registry) {
  registry->AddResource(kTypeName, std::make_unique<InvitationResource>(api));
}

}  // namespace orgiam::vultr
