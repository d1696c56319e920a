#include "store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "ids.h"

namespace orgiam::sandbox {

// The file format: the structs above, field for field.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VultrUser, id, name, first_name, last_name, email,
                                                password, api_key, api_enabled, service_user, acls,
                                                created_us, seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VultrInvitation, id, email_invited, api_enabled,
                                                email_registered, accepted, created_us, expires_us,
                                                responded_us, seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(VultrApiKey, id, user_id, name, api_key, expire,
                                                created_us, expires_us, seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ZitadelUser, id, org_id, user_name, name,
                                                description, access_token_type, client_secret,
                                                human, first_name, last_name, email, sequence,
                                                created_us, changed_us, seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ZitadelPat, id, user_id, org_id, token, expires_us,
                                                sequence, created_us, seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MotherDuckUser, username, instances, created_us,
                                                seq)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(MotherDuckToken, id, username, name, description,
                                                token, token_type, created_us, expires_us, seq)

namespace {

constexpr char kFormat[] = "orgiam-sandbox-state/1";

template <typename T>
void Put(nlohmann::json& out, const char* key, const std::vector<T>& items) {
  out[key] = items;
}

template <typename T>
void Take(const nlohmann::json& in, const char* key, std::vector<T>* items) {
  const auto it = in.find(key);
  if (it != in.end() && it->is_array()) *items = it->get<std::vector<T>>();
}

bool WriteAll(int fd, const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void State::ClearObjects() {
  vultr_users.clear();
  vultr_invitations.clear();
  vultr_api_keys.clear();
  zitadel_users.clear();
  zitadel_pats.clear();
  motherduck_users.clear();
  motherduck_tokens.clear();
}

bool Store::Open(const std::string& path, std::string* error) {
  std::lock_guard<std::mutex> lock(mu_);
  path_ = path;
  if (path.empty()) return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) return true;  // first run: the file is written on the first change
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) return true;
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  const auto format = doc.is_object() ? doc.find("format") : doc.end();
  if (doc.is_discarded() || !doc.is_object() || format == doc.end() || *format != kFormat) {
    *error = "not an orgiam-sandbox state file: " + path;
    return false;
  }
  try {
    State loaded;
    Take(doc, "vultr_users", &loaded.vultr_users);
    Take(doc, "vultr_invitations", &loaded.vultr_invitations);
    Take(doc, "vultr_api_keys", &loaded.vultr_api_keys);
    Take(doc, "zitadel_users", &loaded.zitadel_users);
    Take(doc, "zitadel_pats", &loaded.zitadel_pats);
    Take(doc, "motherduck_users", &loaded.motherduck_users);
    Take(doc, "motherduck_tokens", &loaded.motherduck_tokens);
    loaded.next_seq = doc.value("next_seq", std::int64_t{1});
    loaded.zitadel_sequence = doc.value("zitadel_sequence", std::uint64_t{0});
    clock_->SetOffsetSeconds(doc.value("clock_offset_s", std::int64_t{0}));
    state_ = std::move(loaded);
  } catch (const nlohmann::json::exception& e) {
    *error = "corrupt state file " + path + ": " + e.what();
    return false;
  }
  return true;
}

Store::Tx::~Tx() {
  if (dirty_) store_->SaveLocked();
}

void Store::SaveLocked() {
  if (path_.empty()) return;
  nlohmann::json doc;
  doc["format"] = kFormat;
  doc["clock_offset_s"] = clock_->OffsetSeconds();
  doc["next_seq"] = state_.next_seq;
  doc["zitadel_sequence"] = state_.zitadel_sequence;
  Put(doc, "vultr_users", state_.vultr_users);
  Put(doc, "vultr_invitations", state_.vultr_invitations);
  Put(doc, "vultr_api_keys", state_.vultr_api_keys);
  Put(doc, "zitadel_users", state_.zitadel_users);
  Put(doc, "zitadel_pats", state_.zitadel_pats);
  Put(doc, "motherduck_users", state_.motherduck_users);
  Put(doc, "motherduck_tokens", state_.motherduck_tokens);
  const std::string text = doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";

  // Write a sibling temporary file and rename it over the target, so a reader
  // (or a crash) sees either the old state or the new one, never a torn file.
  // The temporary file is created fresh (O_EXCL) and never through a symbolic
  // link (O_NOFOLLOW), so a file or link planted at its name is never written
  // through; its name carries the pid and a random suffix, and a name that is
  // taken (e.g. left over from a crash) is skipped for a new one.
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    tmp = path_ + ".tmp." + std::to_string(::getpid()) + "." + RandomString(12, kAlnum);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    std::fprintf(stderr, "orgiam-sandbox: cannot write %s: %s\n", tmp.c_str(),
                 std::strerror(errno));
    return;
  }
  const bool ok = WriteAll(fd, text) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || std::rename(tmp.c_str(), path_.c_str()) != 0) {
    std::fprintf(stderr, "orgiam-sandbox: cannot save state to %s: %s\n", path_.c_str(),
                 std::strerror(errno));
    ::unlink(tmp.c_str());
  }
}

}  // namespace orgiam::sandbox
