#ifndef ORGIAM_ZITADEL_ZITADEL_API_H_
#define ORGIAM_ZITADEL_ZITADEL_API_H_

// Client for ZITADEL's management API v1 (machine users, their secrets and their personal
// access tokens).
//
// Every call names the organization it acts in; an empty org id sends no x-zitadel-orgid
// header, so ZITADEL uses the token's own organization (read back from
// details.resourceOwner). Errors carry ZITADEL's own message; only a 404 whose JSON body has
// gRPC code 5 becomes absl::NotFoundError, so a wrong URL never passes for a deleted user.

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "framework/api_slot.h"
#include "http/client.h"
#include "nlohmann/json.hpp"

namespace orgiam::zitadel {

inline constexpr char kBearerTokenType[] = "ACCESS_TOKEN_TYPE_BEARER";

// ZITADEL stores its times to the microsecond (PostgreSQL timestamptz).
inline constexpr absl::Duration kZitadelTimePrecision = absl::Microseconds(1);

struct MachineUser {
  std::string id;
  std::string org_id;  // details.resourceOwner
  std::string state;
  std::string user_name;
  std::vector<std::string> login_names;
  std::string preferred_login_name;
  std::string name;
  std::string description;
  std::string access_token_type;
  // machine.hasSecret; std::nullopt when the API did not say.
  std::optional<bool> has_secret;
  // The kind, from the user object's `type` oneof: `machine` or `human` (a person's account).
  bool is_machine = false;
  bool is_human = false;
};

struct NewMachineUser {
  std::string user_name;
  std::string name;
  std::string description;
  std::string access_token_type = kBearerTokenType;
};

struct CreatedUser {
  std::string id;
  std::string org_id;  // details.resourceOwner
};

struct MachineSecret {
  std::string client_id;
  std::string client_secret;  // secret: never log
};

// A personal access token of a machine user (zitadel.user.v1.PersonalAccessToken).
struct PersonalAccessToken {
  std::string id;
  std::string expiration_date;  // RFC 3339 as ZITADEL writes it
  std::string creation_date;    // details.creationDate
  std::string org_id;           // details.resourceOwner: the user's organization
  std::string token;            // secret: only AddPersonalAccessToken's answer has it; never log
};

// ZITADEL's expiration date for a token added without one (internal/domain/expiration.go).
inline constexpr char kNeverExpires[] = "9999-12-31T23:59:59Z";

class ZitadelApi {
 public:
  // `default_org_id` is the provider's org_id (empty: the token's own organization).
  ZitadelApi(http::ClientOptions options, std::string default_org_id);

  const std::string& default_org_id() const { return default_org_id_; }
  // `org_id` if set, else the provider's org_id (possibly empty).
  std::string ResolveOrg(const std::string& org_id) const {
    return org_id.empty() ? default_org_id_ : org_id;
  }

  // A user that is not a machine user is refused with NotAMachineUser (FailedPrecondition).
  absl::StatusOr<MachineUser> GetUser(const std::string& org_id, const std::string& user_id);
  // std::nullopt when no user of the organization has exactly that user name (of any kind).
  absl::StatusOr<std::optional<MachineUser>> FindUserByName(const std::string& org_id,
                                                            const std::string& user_name);
  // Creates exactly one user even when a response is lost (an interrupted create is
  // resolved by searching the user name in the organization).
  absl::StatusOr<CreatedUser> CreateMachineUser(const std::string& org_id,
                                                const NewMachineUser& user);
  absl::Status UpdateMachine(const std::string& org_id, const std::string& user_id,
                             const std::string& name, const std::string& description,
                             const std::string& access_token_type);
  absl::Status UpdateUserName(const std::string& org_id, const std::string& user_id,
                              const std::string& user_name);
  // A user that is already gone counts as deleted.
  absl::Status DeleteUser(const std::string& org_id, const std::string& user_id);
  // Generates (or replaces) the client secret.
  absl::StatusOr<MachineSecret> GenerateSecret(const std::string& org_id,
                                               const std::string& user_id);
  // A user without a secret counts as done.
  absl::Status RemoveSecret(const std::string& org_id, const std::string& user_id);

  // Every personal access token of the user (none for an unknown user: the list filters by
  // user id and checks no user).
  absl::StatusOr<std::vector<PersonalAccessToken>> ListPersonalAccessTokens(
      const std::string& org_id, const std::string& user_id);
  // NotFound for an unknown token, or a user that is gone or not a machine user.
  absl::StatusOr<PersonalAccessToken> GetPersonalAccessToken(const std::string& org_id,
                                                             const std::string& user_id,
                                                             const std::string& token_id);
  // Adds exactly one token, expiring at `expiration_date` (RFC 3339; std::nullopt: never).
  // The secret is only in this answer: a token whose answer was lost is provably this call's
  // when it was not listed before the first POST and expires at the requested instant; it is
  // removed and the call is sent anew (http::CreateCapturingSecret).
  absl::StatusOr<PersonalAccessToken> AddPersonalAccessToken(
      const std::string& org_id, const std::string& user_id,
      const std::optional<std::string>& expiration_date);
  // A token (or user) that is already gone counts as removed.
  absl::Status RemovePersonalAccessToken(const std::string& org_id, const std::string& user_id,
                                         const std::string& token_id);

  void CancelAll() { client_.CancelAll(); }

 private:
  // Sends a request; non-2xx answers become statuses carrying ZITADEL's error message.
  // `read_only` marks a POST that only reads (a search), so it is retried like a GET.
  absl::StatusOr<http::Response> Call(const std::string& method, const std::string& org_id,
                                      const std::string& path, const std::string& body,
                                      bool read_only = false);

  http::Client client_;
  std::string default_org_id_;
};

// The provider's one ZitadelApi, set by ConfigureProvider; resources fetch it per call.
using ZitadelSlot = framework::ApiSlot<ZitadelApi>;

// A user object of ZITADEL's JSON (GetUserByID's `user`, an entry of a search `result`).
// Members of the wrong type read as absent; an empty id means the object is not a user.
MachineUser ParseUser(const nlohmann::json& object);

// The refusal for a user that is not a machine user (a person's account, or of no known
// kind): what it is, and that orgiam manages machine users only.
absl::Status NotAMachineUser(const MachineUser& user);

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_ZITADEL_API_H_
