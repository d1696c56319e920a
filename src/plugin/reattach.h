#ifndef ORGIAM_PLUGIN_REATTACH_H_
#define ORGIAM_PLUGIN_REATTACH_H_

// Debug ("unmanaged") mode: the provider is started by hand and Terraform
// attaches to it through TF_REATTACH_PROVIDERS instead of launching it.

#include <string>

#include "absl/strings/string_view.h"

namespace orgiam::plugin {

// What `source = "orgiam/orgiam"` expands to.
inline constexpr absl::string_view kProviderAddress = "registry.terraform.io/orgiam/orgiam";

// The JSON value of TF_REATTACH_PROVIDERS for one provider. "Test" is always
// true: with false, Terraform 1.11 loses the negotiated protocol version and
// crashes on protocol 6.
std::string ReattachConfigJson(absl::string_view provider_address, int pid,
                               absl::string_view network, absl::string_view address);

// The ready-to-paste shell line, TF_REATTACH_PROVIDERS='<json>', with single
// quotes escaped.
std::string ReattachShellLine(absl::string_view json);

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_REATTACH_H_
