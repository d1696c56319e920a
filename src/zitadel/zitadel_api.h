#ifndef ORGIAM_ZITADEL_ZITADEL_API_H_
#define ORGIAM_ZITADEL_ZITADEL_API_H_

// Client for ZITADEL's management API v1 (machine users and their secrets).

#include <string>

#include "http/client.h"

namespace orgiam::zitadel {

class ZitadelApi {
 public:
  // `default_org_id` is the provider's org_id (empty: the token's own organization).
  ZitadelApi(http::ClientOptions options, std::string default_org_id);

  const std::string& default_org_id() const { return default_org_id_; }
  void CancelAll() { client_.CancelAll(); }

 private:
  http::Client client_;
  std::string default_org_id_;
};

}  // namespace orgiam::zitadel

#endif  // ORGIAM_ZITADEL_ZITADEL_API_H_
