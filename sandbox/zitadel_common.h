#ifndef ORGIAM_SANDBOX_ZITADEL_COMMON_H_
#define ORGIAM_SANDBOX_ZITADEL_COMMON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "http_util.h"
#include "httplib_wrap.h"

namespace orgiam::sandbox {

// gRPC status codes, as ZITADEL's gateway puts them in error bodies.
enum GrpcCode : int {
  kGrpcInvalidArgument = 3,
  kGrpcNotFound = 5,
  kGrpcAlreadyExists = 6,
  kGrpcPermissionDenied = 7,
  kGrpcResourceExhausted = 8,
  kGrpcFailedPrecondition = 9,
  kGrpcInternal = 13,
  kGrpcUnavailable = 14,
  kGrpcUnauthenticated = 16,
};

// The HTTP status ZITADEL answers for a gRPC code (docs/apis/statuscodes).
int HttpStatusForGrpc(int code);

// {"code": code, "message": "<message> (<id>)", "details": [{"@type":
// ErrorDetail, "id", "message"}]}. Without an id (validation errors from the
// request decoder and protoc-gen-validate) the message is bare and there is no
// `details`, as ZITADEL's gateway sends them.
void ZitadelError(httplib::Response& res, int code, std::string_view message, std::string_view id);
// The bodies of 401, 429 and 5xx answers.
void ZitadelStatusError(httplib::Response& res, int status);

// What ZITADEL's grpc-gateway answers for a path it has no route for: 404
// {"code":5,"message":"Not Found"} (no error id), or 405
// {"code":12,"message":"Method Not Allowed"} when the path has a route for
// another method.
void ZitadelRoutingError(httplib::Response& res, int http_status);
// Whether `path` is in the space of ZITADEL's v1 gateways (/management/v1,
// /admin/v1, /auth/v1, /system/v1), where the gateway answers unknown routes.
bool IsZitadelApiPath(std::string_view path);

struct ZitadelOrg {
  const char* id;
  const char* name;
  const char* domain;  // primary domain: login names are user@domain
};

// The organization of x-zitadel-orgid, or the token's default organization when
// the header is absent. For an organization the token has no access to, writes
// ZITADEL's 403 (PermissionDenied) and returns nullptr.
const ZitadelOrg* ResolveZitadelOrg(const httplib::Request& req, httplib::Response& res);
const ZitadelOrg* FindZitadelOrg(std::string_view id);

// ObjectDetails: {"sequence": "N", ["creationDate"], "changeDate",
// "resourceOwner"}. uint64 values are strings in ZITADEL's JSON.
Json ZitadelDetails(std::uint64_t sequence, std::int64_t created_us, std::int64_t changed_us,
                    std::string_view resource_owner);

// A search's answer: {"details": ListDetails {totalResult, processedSequence, viewTimestamp},
// "result": result}.
Json ZitadelListAnswer(std::uint64_t total, std::uint64_t sequence, std::int64_t now_us,
                       Json result);

}  // namespace orgiam::sandbox

#endif  // ORGIAM_SANDBOX_ZITADEL_COMMON_H_
