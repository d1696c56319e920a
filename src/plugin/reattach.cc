#include "plugin/reattach.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "nlohmann/json.hpp"
#include "plugin/handshake.h"

namespace orgiam::plugin {

std::string ReattachConfigJson(absl::string_view provider_address, int pid,
                               absl::string_view network, absl::string_view address) {
  nlohmann::ordered_json entry = {
      {"Protocol", "grpc"},
      {"ProtocolVersion", kAppProtocolVersion},
      {"Pid", pid},
      {"Test", true},
      {"Addr", {{"Network", std::string(network)}, {"String", std::string(address)}}},
  };
  nlohmann::ordered_json config;
  config[std::string(provider_address)] = std::move(entry);
  return config.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ReattachShellLine(absl::string_view json) {
  return absl::StrCat("TF_REATTACH_PROVIDERS='", absl::StrReplaceAll(json, {{"'", "'\\''"}}), "'");
}

}  // namespace orgiam::plugin
