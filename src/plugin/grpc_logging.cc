#include "plugin/grpc_logging.h"

#include <grpc/support/log.h>

#include <string>

#include "absl/strings/str_cat.h"
#include "util/log.h"

namespace orgiam::plugin {
namespace {

void LogFromGrpc(gpr_log_func_args* args) {
  log::Level level = log::Level::kDebug;
  switch (args->severity) {
    case GPR_LOG_SEVERITY_DEBUG:
      level = log::Level::kDebug;
      break;
    case GPR_LOG_SEVERITY_INFO:
      level = log::Level::kInfo;
      break;
    case GPR_LOG_SEVERITY_ERROR:
      level = log::Level::kError;
      break;
  }
  if (level != log::Level::kError && !log::Enabled(level)) return;
  log::Write(
      level, "grpc", args->message == nullptr ? "" : args->message,
      {{"@caller", absl::StrCat(args->file == nullptr ? "?" : args->file, ":", args->line)}});
}

}  // namespace

void RouteGrpcLogging() { gpr_set_log_function(&LogFromGrpc); }

}  // namespace orgiam::plugin
