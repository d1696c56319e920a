// libFuzzer target for what the vendors' APIs can send back. The first input byte picks the
// vendor and the HTTP status; the rest is the response body, handed to that vendor's error
// parser and object parsers exactly as the clients do. Nothing may crash, hang or leak, and
// an object the parsers accept must carry a non-empty id.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/json_body.h"
#include "http/message.h"
#include "motherduck/motherduck_api.h"
#include "nlohmann/json.hpp"
#include "vultr/vultr_api.h"
#include "zitadel/zitadel_api.h"
#include "zitadel/zitadel_error.h"

namespace {

using nlohmann::json;

constexpr int kStatuses[] = {200, 201, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503};

void Check(bool condition) {
  if (!condition) std::abort();
}

// The body and the members the clients unwrap from it.
void EachObject(const json& body, const char* envelope, void (*parse)(const json&)) {
  parse(body);
  if (body.is_object()) {
    if (const auto inner = body.find(envelope); inner != body.end()) parse(*inner);
  }
  if (body.is_array()) {
    for (const json& item : body) parse(item);
  }
}

void Vultr(const orgiam::http::Response& response, const json& body) {
  (void)orgiam::vultr::VultrError(response, "GET /v2/users/{id}");
  EachObject(body, "user", [](const json& object) {
    auto user = orgiam::vultr::ParseUser(object);
    if (user.ok()) Check(!user->id.empty());
  });
  EachObject(body, "invitation", [](const json& object) {
    auto invitation = orgiam::vultr::ParseInvitation(object);
    if (invitation.ok()) Check(!invitation->id.empty());
  });
  EachObject(body, "api_key", [](const json& object) {
    auto key = orgiam::vultr::ParseApiKey(object);
    if (key.ok()) Check(!key->id.empty());
  });
}

void Zitadel(const orgiam::http::Response& response, const json& body) {
  const absl::Status status = orgiam::zitadel::ZitadelError(response, "GET /management/v1/users");
  (void)orgiam::zitadel::HasErrorId(status, "COMMAND-2n8vs");
  EachObject(body, "user", [](const json& object) { (void)orgiam::zitadel::ParseUser(object); });
  EachObject(body, "result", [](const json& object) { (void)orgiam::zitadel::ParseUser(object); });
}

void Motherduck(const orgiam::http::Response& response, const json& body) {
  (void)orgiam::motherduck::MotherduckError(response, "POST /v1/users");
  EachObject(body, "tokens",
             [](const json& object) { (void)orgiam::motherduck::ParseToken(object); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t selector = data[0];
  orgiam::http::Response response;
  response.status = kStatuses[(selector >> 2) % (sizeof kStatuses / sizeof kStatuses[0])];
  response.body.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  response.headers["content-type"] = "application/json";
  // The clients parse bodies through the guarded parser only.
  absl::StatusOr<json> body = orgiam::http::ParseJsonBody(response, "fuzz");
  const json parsed = body.ok() ? *body : json();
  switch (selector & 3) {
    case 0:
      Vultr(response, parsed);
      break;
    case 1:
      Zitadel(response, parsed);
      break;
    default:
      Motherduck(response, parsed);
      break;
  }
  return 0;
}
