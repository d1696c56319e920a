#ifndef ORGIAM_PLUGIN_RUN_PLUGIN_H_
#define ORGIAM_PLUGIN_RUN_PLUGIN_H_

// Entry point of the go-plugin side of the provider: argument handling, the
// magic-cookie check, the handshake line on stdout, the (m)TLS gRPC server on a
// private unix socket, the go-plugin controller/stdio/health services, and
// signal handling.

#include <grpcpp/impl/codegen/service_type.h>

#include <functional>

namespace orgiam::plugin {

struct ProviderHooks {
  // The tfplugin6.Provider implementation. Not owned; must outlive RunPlugin().
  grpc::Service* provider_service = nullptr;
  // Called once when the process has been asked to stop
  // (GRPCController/Shutdown, SIGTERM, or SIGINT in debug mode), before the
  // gRPC server stops. May be empty.
  std::function<void()> on_stop;
};

// Runs the plugin until it is told to stop and returns the process exit code:
//   (no args)               plugin mode; requires TF_PLUGIN_MAGIC_COOKIE, else
//   exits 1 -debug / --debug        plaintext, prints a TF_REATTACH_PROVIDERS
//   line, serves until signalled -version / --version    prints
//   "terraform-provider-orgiam <version>" and returns 0
int RunPlugin(int argc, char** argv, const ProviderHooks& hooks);

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_RUN_PLUGIN_H_
