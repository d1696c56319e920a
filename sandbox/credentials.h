#ifndef ORGIAM_SANDBOX_CREDENTIALS_H_
#define ORGIAM_SANDBOX_CREDENTIALS_H_

#include <string_view>

#include "app.h"
#include "router.h"

namespace orgiam::sandbox {

// Whether a vendor API accepts `token` as its bearer credential: always the
// sandbox token (--token); with --accept-issued-credentials also a credential
// the sandbox issued for that vendor and that is still valid, as the real
// vendor would accept it. Takes the store's lock.
bool AcceptsBearerToken(App& app, Vendor vendor, std::string_view token);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_CREDENTIALS_H_
