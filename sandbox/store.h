#ifndef ORGIAM_SANDBOX_STORE_H_
#define ORGIAM_SANDBOX_STORE_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "clock.h"
#include "nlohmann/json.hpp"

namespace orgiam::sandbox {

// Every object the sandbox holds. `seq` is a creation counter: lists are in
// creation order and pagination cursors point at a seq, so deletes between
// pages never skip an item. Times are microseconds since the epoch on the
// sandbox clock; 0 means "not set".

struct VultrUser {
  std::string id;
  std::string name;        // the full name
  std::string first_name;  // as given, or taken from `name` (see vultr_users.cc)
  std::string last_name;
  std::string email;
  std::string password;  // as received
  std::string api_key;   // issued at creation when api_enabled; empty otherwise
  bool api_enabled = true;
  bool service_user = false;
  std::vector<std::string> acls;
  std::int64_t created_us = 0;
  std::int64_t seq = 0;
};

struct VultrInvitation {
  std::string id;
  std::string email_invited;
  bool api_enabled = false;
  bool email_registered = false;
  bool accepted = false;
  std::int64_t created_us = 0;
  std::int64_t expires_us = 0;
  std::int64_t responded_us = 0;
  std::int64_t seq = 0;
};

struct VultrApiKey {
  std::string id;
  std::string user_id;
  std::string name;
  std::string api_key;  // plaintext
  bool expire = false;
  std::int64_t created_us = 0;
  std::int64_t expires_us = 0;
  std::int64_t seq = 0;
};

struct ZitadelUser {
  std::string id;
  std::string org_id;
  std::string user_name;
  std::string name;
  std::string description;
  std::string access_token_type;
  std::string client_secret;  // empty when the user has no secret
  // A human user (AddHumanUser): a person's account, with a profile and an email instead of
  // the machine fields; `name` holds its display name.
  bool human = false;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::uint64_t sequence = 0;  // of the last event
  std::int64_t created_us = 0;
  std::int64_t changed_us = 0;
  std::int64_t seq = 0;
};

// A personal access token of a ZITADEL machine user (management.proto AddPersonalAccessToken).
struct ZitadelPat {
  std::string id;
  std::string user_id;
  std::string org_id;
  std::string token;  // the secret
  std::int64_t expires_us = 0;
  std::uint64_t sequence = 0;
  std::int64_t created_us = 0;
  std::int64_t seq = 0;
};

struct MotherDuckUser {
  std::string username;
  nlohmann::json instances;  // the Duckling configuration
  std::int64_t created_us = 0;
  std::int64_t seq = 0;
};

struct MotherDuckToken {
  std::string id;
  std::string username;
  std::string name;
  std::string description;
  std::string token;  // the secret
  std::string token_type;
  std::int64_t created_us = 0;
  std::int64_t expires_us = 0;  // 0: never expires
  std::int64_t seq = 0;
};

struct State {
  std::vector<VultrUser> vultr_users;
  std::vector<VultrInvitation> vultr_invitations;
  std::vector<VultrApiKey> vultr_api_keys;
  std::vector<ZitadelUser> zitadel_users;
  std::vector<ZitadelPat> zitadel_pats;
  std::vector<MotherDuckUser> motherduck_users;
  std::vector<MotherDuckToken> motherduck_tokens;
  std::int64_t next_seq = 1;
  std::uint64_t zitadel_sequence = 0;  // ZITADEL's event sequence, shared by all its objects

  std::int64_t NextSeq() { return next_seq++; }
  void ClearObjects();
};

// The state behind one mutex, optionally persisted to a file after every
// change.
class Store {
 public:
  explicit Store(Clock* clock) : clock_(clock) {}

  // Remembers `path` for saving and loads it when it exists (also restoring the
  // clock offset). An empty path keeps everything in memory. False + `error` on
  // a corrupt file.
  bool Open(const std::string& path, std::string* error);

  // Exclusive access to the state. MarkDirty() makes the destructor persist it
  // (atomically: temporary file, fsync, rename) before the lock is released.
  class Tx {
   public:
    Tx(Tx&&) = delete;
    ~Tx();
    State& state() { return store_->state_; }
    void MarkDirty() { dirty_ = true; }

   private:
    friend class Store;
    explicit Tx(Store* store) : store_(store), lock_(store->mu_) {}
    Store* store_;
    std::unique_lock<std::mutex> lock_;
    bool dirty_ = false;
  };

  Tx Begin() { return Tx(this); }

 private:
  void SaveLocked();

  Clock* clock_;
  std::mutex mu_;
  State state_;
  std::string path_;
};

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_STORE_H_
