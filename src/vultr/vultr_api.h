#ifndef ORGIAM_VULTR_VULTR_API_H_
#define ORGIAM_VULTR_VULTR_API_H_

// Client for the parts of the Vultr API v2 that orgiam manages: users, their API keys and
// organization invitations. Errors carry Vultr's own message; a 404 is absl::NotFoundError
// and nothing else is (so "gone" is never guessed from text).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "framework/api_slot.h"
#include "http/client.h"
#include "nlohmann/json.hpp"

namespace orgiam::vultr {

struct User {
  std::string id;
  std::string name;
  std::string email;
  bool api_enabled = false;
  std::vector<std::string> acls;
  bool service_user = false;
  std::string api_key;  // only from the create response
};

struct NewUser {
  std::string name;
  std::string email;
  std::optional<std::string> password;  // secret; without one a random one is sent
  bool api_enabled = true;
  std::vector<std::string> acls;
};

// Fields to change; unset ones are left alone.
struct UserChanges {
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::optional<std::string> password;  // secret
  std::optional<bool> api_enabled;
  std::optional<std::vector<std::string>> acls;
  bool empty() const { return !name && !email && !password && !api_enabled && !acls; }
};

struct Invitation {
  std::string id;
  std::string email;
  bool api_enabled = false;
  std::string invite_status;  // Pending, Accepted, Expired, ...
  bool email_registered = false;
  std::string date_created;
  std::string date_responded;
  std::string expiration_date;
};

struct ApiKey {
  std::string id;
  std::string name;
  std::string api_key;  // only from the create response
  std::string date_created;
  std::string date_expire;
};

class VultrApi {
 public:
  explicit VultrApi(http::ClientOptions options);

  absl::StatusOr<User> GetUser(const std::string& id);
  // Every user, following the cursor to the last page.
  absl::StatusOr<std::vector<User>> ListUsers();
  // std::nullopt when no user has that email (compared case-insensitively).
  absl::StatusOr<std::optional<User>> FindUserByEmail(const std::string& email);
  // Creates exactly one user through the exactly-once path (http/exactly_once.h): a user with
  // the email before the POST is not ours (ALREADY_EXISTS naming it). With api_enabled the
  // returned user always holds its API key: a user whose create answer was lost is provably
  // ours and is deleted and created again to capture it.
  absl::StatusOr<User> CreateUser(const NewUser& user);
  absl::Status UpdateUser(const std::string& id, const UserChanges& changes);
  // A user that is already gone counts as deleted.
  absl::Status DeleteUser(const std::string& id);

  // Exactly once; a pending invitation for the email before the POST is ALREADY_EXISTS.
  absl::StatusOr<Invitation> CreateInvitation(const std::string& email, bool api_enabled);
  absl::StatusOr<Invitation> GetInvitation(const std::string& id);
  absl::StatusOr<std::vector<Invitation>> ListInvitations();
  // Vultr renews only a Pending invitation; any other status is refused.
  absl::StatusOr<Invitation> ResendInvitation(const std::string& id);
  // There is no revoke: Vultr documents none (govultr's InvitationService has Create, Get,
  // List and Resend only), and an undocumented route is never called.

  // Exactly once, with its secret: a key whose create answer was lost is found by name among
  // the keys that were not there before, deleted, and created again.
  absl::StatusOr<ApiKey> CreateApiKey(const std::string& user_id, const std::string& name,
                                      const std::optional<std::string>& date_expire);
  // Every key of the user (secrets masked).
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys(const std::string& user_id);
  absl::StatusOr<ApiKey> GetApiKey(const std::string& user_id, const std::string& key_id);
  absl::Status DeleteApiKey(const std::string& user_id, const std::string& key_id);

  void CancelAll() { client_.CancelAll(); }
  bool stopping() const { return client_.stopping(); }

 private:
  // Sends a request; non-2xx answers become statuses carrying Vultr's error text.
  absl::StatusOr<nlohmann::json> Call(const std::string& method, const std::string& path,
                                      const nlohmann::json* body = nullptr);
  // Follows meta.links.next over a list endpoint, collecting `key` arrays (bounded: see
  // http/pagination.h); a page without that array is an error.
  absl::StatusOr<std::vector<nlohmann::json>> ListAll(const std::string& path,
                                                      const std::string& key);

  http::Client client_;
};

// The provider's one VultrApi, set by ConfigureProvider; resources fetch it per call.
using VultrSlot = framework::ApiSlot<VultrApi>;

// Vultr's error body {"error": "...", "status": N} → a status with that text.
absl::Status VultrError(const http::Response& response, const std::string& what);

// The objects in Vultr's JSON. An object without a string id, or a member of the wrong type
// where the id or a secret belongs, is INTERNAL: an answer that cannot be trusted must never
// reach the state.
absl::StatusOr<User> ParseUser(const nlohmann::json& object);
absl::StatusOr<Invitation> ParseInvitation(const nlohmann::json& object);
absl::StatusOr<ApiKey> ParseApiKey(const nlohmann::json& object);

}  // namespace orgiam::vultr

#endif  // ORGIAM_VULTR_VULTR_API_H_
