#include "zitadel_common.h"

#include "clock.h"

namespace orgiam::sandbox {
namespace {

// The sandbox token is a member of both; the first is its own (default)
// organization.
constexpr ZitadelOrg kOrgs[] = {
    {"100000000000000001", "Sandbox", "sandbox.zitadel.localhost"},
    {"100000000000000002", "Sandbox Second", "sandbox-second.zitadel.localhost"},
};

}  // namespace

int HttpStatusForGrpc(int code) {
  switch (code) {
    case kGrpcInvalidArgument:
    case kGrpcFailedPrecondition:
      return 400;
    case kGrpcNotFound:
      return 404;
    case kGrpcAlreadyExists:
      return 409;
    case kGrpcPermissionDenied:
      return 403;
    case kGrpcResourceExhausted:
      return 429;
    case kGrpcUnavailable:
      return 503;
    case kGrpcUnauthenticated:
      return 401;
    default:
      return 500;
  }
}

void ZitadelError(httplib::Response& res, int code, std::string_view message, std::string_view id) {
  // The gateway marshals google.rpc.Status with protojson's defaults
  // (internal/api/grpc/server/gateway.go jsonMarshaler: no EmitUnpopulated),
  // so an empty `details` is left out.
  Json body = {{"code", code}, {"message", std::string(message)}};
  if (!id.empty()) {
    body["message"] = std::string(message) + " (" + std::string(id) + ")";
    body["details"] = Json::array({{{"@type", "type.googleapis.com/zitadel.v1.ErrorDetail"},
                                    {"id", std::string(id)},
                                    {"message", std::string(message)}}});
  }
  SendJson(res, HttpStatusForGrpc(code), body);
}

void ZitadelRoutingError(httplib::Response& res, int http_status) {
  if (http_status == 405) {
    // gateway.go httpErrorHandler: Unimplemented, but the HTTP status stays 405.
    SendJson(res, 405, {{"code", 12}, {"message", "Method Not Allowed"}});
  } else {
    // grpc-gateway DefaultRoutingErrorHandler: NotFound, http.StatusText(404).
    SendJson(res, 404, {{"code", kGrpcNotFound}, {"message", "Not Found"}});
  }
}

bool IsZitadelApiPath(std::string_view path) {
  for (std::string_view prefix : {"/management/v1/", "/admin/v1/", "/auth/v1/", "/system/v1/"}) {
    if (path.starts_with(prefix) || path == prefix.substr(0, prefix.size() - 1)) return true;
  }
  return false;
}

void ZitadelStatusError(httplib::Response& res, int status) {
  switch (status) {
    case 401:
      ZitadelError(res, kGrpcUnauthenticated, "Errors.Token.Invalid", "AUTH-7fs1e");
      break;
    case 429:
      ZitadelError(res, kGrpcResourceExhausted, "Errors.Quota.RequestsExhausted", "QUOTA-vjAy8");
      break;
    case 502:
    case 503:
      ZitadelError(res, kGrpcUnavailable, "Errors.Internal", "SANDBOX-unavail");
      res.status = status;
      break;
    default:
      ZitadelError(res, kGrpcInternal, "Errors.Internal", "SANDBOX-internal");
      res.status = status;
      break;
  }
}

const ZitadelOrg* FindZitadelOrg(std::string_view id) {
  for (const ZitadelOrg& org : kOrgs) {
    if (org.id == id) return &org;
  }
  return nullptr;
}

const ZitadelOrg* ResolveZitadelOrg(const httplib::Request& req, httplib::Response& res) {
  if (!req.has_header("x-zitadel-orgid")) return &kOrgs[0];
  const std::string id = req.get_header_value("x-zitadel-orgid");
  if (id.empty()) return &kOrgs[0];
  const ZitadelOrg* org = FindZitadelOrg(id);
  if (org == nullptr) {
    ZitadelError(res, kGrpcPermissionDenied, "No matching permissions found", "AUTH-5mWD2");
  }
  return org;
}

Json ZitadelDetails(std::uint64_t sequence, std::int64_t created_us, std::int64_t changed_us,
                    std::string_view resource_owner) {
  Json details = {{"sequence", std::to_string(sequence)}};
  if (created_us != 0) details["creationDate"] = FormatRfc3339Micros(created_us);
  details["changeDate"] = FormatRfc3339Micros(changed_us);
  details["resourceOwner"] = std::string(resource_owner);
  return details;
}

Json ZitadelListAnswer(std::uint64_t total, std::uint64_t sequence, std::int64_t now_us,
                       Json result) {
  return {{"details",
           {{"totalResult", std::to_string(total)},
            {"processedSequence", std::to_string(sequence)},
            {"viewTimestamp", FormatRfc3339Micros(now_us)}}},
          {"result", std::move(result)}};
}

}  // namespace orgiam::sandbox
