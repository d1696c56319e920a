// terraform-provider-orgiam: wires the tfplugin6 provider service into the
// go-plugin runner.

#include <memory>

#include "plugin/run_plugin.h"
#include "provider/orgiam_provider.h"
#include "tfproto/provider_service.h"

int main(int argc, char** argv) {
  std::unique_ptr<orgiam::tfproto::ProviderService> service =
      orgiam::provider::MakeProviderService();
  orgiam::plugin::ProviderHooks hooks;
  hooks.provider_service = service.get();
  hooks.on_stop = [&service] { service->Shutdown(); };
  return orgiam::plugin::RunPlugin(argc, argv, hooks);
}
