#include "zitadel/zitadel_api.h"

#include <utility>

namespace orgiam::zitadel {

ZitadelApi::ZitadelApi(http::ClientOptions options, std::string default_org_id)
    : client_(std::move(options)), default_org_id_(std::move(default_org_id)) {}

}  // namespace orgiam::zitadel
