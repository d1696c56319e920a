#ifndef ORGIAM_PLUGIN_GRPC_LOGGING_H_
#define ORGIAM_PLUGIN_GRPC_LOGGING_H_

namespace orgiam::plugin {

// Sends gRPC-core's own log lines (gpr_log) through util/log so that they reach
// Terraform as hclog JSON entries (module "grpc") instead of unstructured
// stderr text. gRPC's verbosity is still governed by GRPC_VERBOSITY; errors are
// always written.
void RouteGrpcLogging();

}  // namespace orgiam::plugin

#endif  // ORGIAM_PLUGIN_GRPC_LOGGING_H_
