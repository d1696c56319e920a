#ifndef ORGIAM_PROVIDER_ORGIAM_PROVIDER_H_
#define ORGIAM_PROVIDER_ORGIAM_PROVIDER_H_

// The orgiam provider: resolves the provider block into one API client per vendor and
// registers every vendor's resources, data sources and ephemeral resources.

#include <memory>

#include "framework/registry.h"
#include "framework/resource.h"
#include "tfproto/provider_service.h"

namespace orgiam::provider {

std::unique_ptr<framework::Provider> MakeOrgiamProvider();

// The tfplugin6 service of that provider, what terraform-provider-orgiam serves. It lives
// here, above tfproto: tfproto knows the framework's Provider interface, never this provider.
std::unique_ptr<tfproto::ProviderService> MakeProviderService();

}  // namespace orgiam::provider

#endif  // ORGIAM_PROVIDER_ORGIAM_PROVIDER_H_
