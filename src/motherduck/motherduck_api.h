#ifndef ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_
#define ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_

// Client for the MotherDuck REST API (service accounts and access tokens).
//
// Errors carry MotherDuck's own message and every entry of its `issues` list verbatim. Only a
// 404 whose JSON body says code NOT_FOUND becomes absl::NotFoundError: a plain-text 404 (a wrong
// endpoint) must never pass for a deleted object.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "framework/api_slot.h"
#include "http/client.h"
#include "nlohmann/json.hpp"

namespace orgiam::motherduck {

struct Token {
  std::string id;
  std::string name;
  std::optional<std::string> description;  // absent when the API does not echo one
  std::string expire_at;                   // empty when the token never expires
  std::string created_ts;
  bool read_only = false;
  std::string token_type;
  std::string token;  // the secret: only in the create response
};

struct NewToken {
  std::string name;
  std::optional<std::string> description = std::nullopt;
  std::optional<int64_t> ttl = std::nullopt;  // seconds
  std::optional<std::string> token_type = std::nullopt;
};

class MotherduckApi {
 public:
  explicit MotherduckApi(http::ClientOptions options);

  // Creates a service account exactly once, even when the response is lost (an interrupted
  // create is resolved by checking whether the account exists).
  absl::Status CreateServiceAccount(const std::string& username);
  // MotherDuck has no GET for a user: existence is read from its Duckling configuration.
  // false only for a 404 with code NOT_FOUND.
  absl::StatusOr<bool> ServiceAccountExists(const std::string& username);
  // Deletes the account and ALL data it owns. An account that is already gone counts as deleted.
  absl::Status DeleteServiceAccount(const std::string& username);

  // Every (unexpired) token of `username`, without secrets. NotFound when the user is gone.
  absl::StatusOr<std::vector<Token>> ListTokens(const std::string& username);
  // Creates a token and returns it with its secret. The POST is not idempotent and the secret is
  // shown only once: when a response is lost, the token it created (found by name and creation
  // time) is revoked and the create is sent again, so no orphan token is left behind.
  absl::StatusOr<Token> CreateToken(const std::string& username, const NewToken& request);
  // A token (or user) that is already gone counts as revoked.
  absl::Status RevokeToken(const std::string& username, const std::string& token_id);

  void CancelAll() { client_.CancelAll(); }

 private:
  // Sends a request; non-2xx answers become statuses carrying MotherDuck's error.
  absl::StatusOr<nlohmann::json> Call(const std::string& method, const std::string& path,
                                      const nlohmann::json* body = nullptr);

  http::Client client_;
};

// The provider's one MotherduckApi, set by ConfigureProvider; resources fetch it per call.
using MotherduckSlot = framework::ApiSlot<MotherduckApi>;

// MotherDuck's error body {"message", "code", "issues": [{"message"}]} → a status whose message
// holds the message, the code and every issue verbatim.
absl::Status MotherduckError(const http::Response& response, const std::string& what);

// A token object of MotherDuck's JSON (a create answer, an entry of the list). Members of the
// wrong type read as absent; an empty id means the object is not a token.
Token ParseToken(const nlohmann::json& object);

}  // namespace orgiam::motherduck

#endif  // ORGIAM_MOTHERDUCK_MOTHERDUCK_API_H_
