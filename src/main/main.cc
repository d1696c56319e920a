// terraform-provider-orgiam: wires the tfplugin6 provider service into the
// go-plugin runner.

#include <memory>

#include "plugin/run_plugin.h"

#if defined(ORGIAM_HAVE_TFPROTO) && __has_include("tfproto/provider_service.h")
#include "tfproto/provider_service.h"
#else
#include "proto/tfplugin6.grpc.pb.h"
#endif

int main(int argc, char** argv) {
  orgiam::plugin::ProviderHooks hooks;
#if defined(ORGIAM_HAVE_TFPROTO) && __has_include("tfproto/provider_service.h")
  std::unique_ptr<orgiam::tfproto::ProviderService> service =
      orgiam::tfproto::MakeProviderService();
  hooks.on_stop = [&service] { service->Shutdown(); };
#else
  // Stand-in until the real provider is linked: every RPC answers
  // UNIMPLEMENTED.
  auto service = std::make_unique<tfplugin6::Provider::Service>();
#endif
  hooks.provider_service = service.get();
  return orgiam::plugin::RunPlugin(argc, argv, hooks);
}
