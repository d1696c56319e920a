// ZITADEL management v1 machine users: shapes, gRPC-style errors, org scoping,
// secrets, personal access tokens, search.

#include <gtest/gtest.h>

#include <string>

#include "sandbox_harness.h"

namespace orgiam::sandbox::testing {
namespace {

constexpr char kUsers[] = "/management/v1/users";
constexpr char kDefaultOrg[] = "100000000000000001";
constexpr char kSecondOrg[] = "100000000000000002";

class ZitadelTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(sandbox_.started()); }

  Reply Add(const std::string& user_name, const httplib::Headers& headers = {}) {
    return sandbox_.Call("POST", std::string(kUsers) + "/machine",
                         {{"userName", user_name}, {"name", "Machine " + user_name}}, headers);
  }

  std::string AddId(const std::string& user_name) {
    const Reply reply = Add(user_name);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json["userId"];
  }

  std::string User(const std::string& id) { return std::string(kUsers) + "/" + id; }

  // A ZITADEL error: code, HTTP status, and (for domain errors) one
  // ErrorDetail.
  void ExpectError(const Reply& reply, int http_status, int code, bool with_detail = true) {
    EXPECT_EQ(reply.status, http_status) << reply.body;
    EXPECT_EQ(reply.json["code"], code) << reply.body;
    EXPECT_TRUE(reply.json["message"].is_string());
    if (!with_detail) {
      // The gateway leaves an empty `details` out (protojson defaults).
      EXPECT_FALSE(reply.json.contains("details")) << reply.body;
    } else {
      ASSERT_TRUE(reply.json["details"].is_array()) << reply.body;
      ASSERT_EQ(reply.json["details"].size(), 1u) << reply.body;
      EXPECT_EQ(reply.json["details"][0]["@type"], "type.googleapis.com/zitadel.v1.ErrorDetail");
      const std::string id = reply.json["details"][0]["id"];
      EXPECT_NE(reply.json["message"].get<std::string>().find("(" + id + ")"), std::string::npos);
    }
  }

  // The exact body of a ZITADEL domain error.
  static Json DomainError(int code, const std::string& message, const std::string& id) {
    return {{"code", code},
            {"message", message + " (" + id + ")"},
            {"details",
             {{{"@type", "type.googleapis.com/zitadel.v1.ErrorDetail"},
               {"id", id},
               {"message", message}}}}};
  }

  SandboxServer sandbox_;
};

TEST_F(ZitadelTest, AddMachineUserAndGet) {
  const Reply added = sandbox_.Call("POST", std::string(kUsers) + "/machine",
                                    {{"userName", "robot"},
                                     {"name", "My Machine Account"},
                                     {"description", "First machine account used for API XY."},
                                     {"accessTokenType", "ACCESS_TOKEN_TYPE_BEARER"}});
  ASSERT_EQ(added.status, 200) << added.body;
  const std::string id = added.json["userId"];
  EXPECT_EQ(id.size(), 18u);
  EXPECT_EQ(id.find_first_not_of("0123456789"), std::string::npos);
  const Json& details = added.json["details"];
  EXPECT_TRUE(details["sequence"].is_string());  // uint64 as a string
  EXPECT_EQ(details["resourceOwner"], kDefaultOrg);
  EXPECT_TRUE(details["creationDate"].get<std::string>().ends_with("Z"));
  EXPECT_TRUE(details.contains("changeDate"));

  const Reply got = sandbox_.Call("GET", User(id));
  ASSERT_EQ(got.status, 200);
  const Json& user = got.json["user"];
  EXPECT_EQ(user["id"], id);
  EXPECT_EQ(user["state"], "USER_STATE_ACTIVE");
  EXPECT_EQ(user["userName"], "robot");
  EXPECT_EQ(user["loginNames"], Json({"robot@sandbox.zitadel.localhost"}));
  EXPECT_EQ(user["preferredLoginName"], "robot@sandbox.zitadel.localhost");
  EXPECT_EQ(user["details"]["resourceOwner"], kDefaultOrg);
  EXPECT_EQ(user["machine"], Json({{"name", "My Machine Account"},
                                   {"description", "First machine account used for API XY."},
                                   {"accessTokenType", "ACCESS_TOKEN_TYPE_BEARER"},
                                   {"hasSecret", false}}));
}

TEST_F(ZitadelTest, DefaultsAndEnumNumbers) {
  const std::string id = AddId("defaults");
  EXPECT_EQ(sandbox_.Call("GET", User(id)).json["user"]["machine"]["accessTokenType"],
            "ACCESS_TOKEN_TYPE_BEARER");
  const Reply jwt = sandbox_.Call("POST", std::string(kUsers) + "/machine",
                                  {{"userName", "jwt"}, {"name", "j"}, {"accessTokenType", 1}});
  ASSERT_EQ(jwt.status, 200);
  EXPECT_EQ(
      sandbox_.Call("GET", User(jwt.json["userId"])).json["user"]["machine"]["accessTokenType"],
      "ACCESS_TOKEN_TYPE_JWT");
}

TEST_F(ZitadelTest, Validation) {
  const std::string machine = std::string(kUsers) + "/machine";
  Reply reply = sandbox_.Call("POST", machine, {{"name", "n"}});
  ExpectError(reply, 400, 3, /*with_detail=*/false);
  EXPECT_EQ(reply.json["message"],
            "invalid AddMachineUserRequest.UserName: value length must be "
            "between 1 and 200 "
            "runes, inclusive");
  ExpectError(sandbox_.Call("POST", machine, {{"userName", "u"}, {"name", std::string(201, 'n')}}),
              400, 3, false);
  // 200 runes of a multi-byte letter are fine: lengths count runes, not bytes.
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "é";
  EXPECT_EQ(sandbox_.Call("POST", machine, {{"userName", "u"}, {"name", long_name}}).status, 200);
  reply = sandbox_.Call("POST", machine,
                        {{"userName", "v"}, {"name", "n"}, {"description", std::string(501, 'd')}});
  ExpectError(reply, 400, 3, false);
  EXPECT_EQ(reply.json["message"],
            "invalid AddMachineUserRequest.Description: value length must be "
            "at most 500 runes");
  ExpectError(sandbox_.Call("POST", machine,
                            {{"userName", "w"}, {"name", "n"}, {"accessTokenType", "OPAQUE"}}),
              400, 3, false);
  ExpectError(sandbox_.CallWithToken(kToken, "POST", machine, "{oops"), 400, 3, false);
  ExpectError(sandbox_.Call("POST", machine, {{"userName", 5}, {"name", "n"}}), 400, 3, false);
}

TEST_F(ZitadelTest, UserNameIsUniqueInTheInstance) {
  AddId("twin");
  const Reply again = Add("TWIN");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json, DomainError(6, "User already exists", "V3-DKcYh"));
  // Without org-scoped user names (the default domain policy), another
  // organization cannot use the name either.
  const Reply other_org = Add("twin", {{"x-zitadel-orgid", kSecondOrg}});
  EXPECT_EQ(other_org.status, 409);
  EXPECT_EQ(other_org.json, DomainError(6, "User already exists", "V3-DKcYh"));
  // Nor can a rename in the other organization take it.
  const Reply second = Add("second", {{"x-zitadel-orgid", kSecondOrg}});
  ASSERT_EQ(second.status, 200) << second.body;
  const Reply renamed =
      sandbox_.Call("PUT", User(second.json["userId"].get<std::string>()) + "/username",
                    {{"userName", "twin"}}, {{"x-zitadel-orgid", kSecondOrg}});
  EXPECT_EQ(renamed.status, 409);
  EXPECT_EQ(renamed.json, DomainError(6, "User already exists", "V3-DKcYh"));
  EXPECT_EQ(sandbox_.State()["zitadel"]["users"].size(), 2u);
}

TEST_F(ZitadelTest, TakenCustomUserId) {
  const Reply first = sandbox_.Call("POST", std::string(kUsers) + "/machine",
                                    {{"userName", "a"}, {"name", "A"}, {"userId", "4242"}});
  ASSERT_EQ(first.status, 200) << first.body;
  const Reply again = sandbox_.Call("POST", std::string(kUsers) + "/machine",
                                    {{"userName", "b"}, {"name", "B"}, {"userId", "4242"}});
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(again.json, DomainError(9, "Errors.User.AlreadyExisting", "COMMAND-k2una"));
}

TEST_F(ZitadelTest, MissingUserHasTheQueryErrorId) {
  const Reply reply = sandbox_.Call("GET", User("123456789012345678"));
  EXPECT_EQ(reply.status, 404);
  EXPECT_EQ(reply.json, DomainError(5, "User could not be found", "QUERY-Dfbg2"));
}

TEST_F(ZitadelTest, OrgScoping) {
  const Reply added = Add("other", {{"x-zitadel-orgid", kSecondOrg}});
  ASSERT_EQ(added.status, 200);
  const std::string id = added.json["userId"];
  EXPECT_EQ(added.json["details"]["resourceOwner"], kSecondOrg);
  // Not visible from the default organization...
  ExpectError(sandbox_.Call("GET", User(id)), 404, 5);
  // ...but from its own.
  const Reply got = sandbox_.Call("GET", User(id), nullptr, {{"x-zitadel-orgid", kSecondOrg}});
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.json["user"]["loginNames"][0], "other@sandbox-second.zitadel.localhost");
  // An organization the token has no access to.
  ExpectError(sandbox_.Call("GET", User(id), nullptr, {{"x-zitadel-orgid", "999"}}), 403, 7);
  ExpectError(Add("x", {{"x-zitadel-orgid", "999"}}), 403, 7);
}

TEST_F(ZitadelTest, UpdateMachineAndUserName) {
  const std::string id = AddId("changer");
  const Reply updated = sandbox_.Call(
      "PUT", User(id) + "/machine",
      {{"name", "New"}, {"description", "d"}, {"accessTokenType", "ACCESS_TOKEN_TYPE_JWT"}});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_TRUE(updated.json["details"]["sequence"].is_string());
  EXPECT_EQ(updated.json["details"]["resourceOwner"], kDefaultOrg);
  Json user = sandbox_.Call("GET", User(id)).json["user"];
  EXPECT_EQ(user["machine"]["name"], "New");
  EXPECT_EQ(user["machine"]["accessTokenType"], "ACCESS_TOKEN_TYPE_JWT");
  EXPECT_EQ(user["details"]["sequence"], updated.json["details"]["sequence"]);

  // The same values again: ZITADEL refuses a change that changes nothing.
  const Reply unchanged = sandbox_.Call(
      "PUT", User(id) + "/machine",
      {{"name", "New"}, {"description", "d"}, {"accessTokenType", "ACCESS_TOKEN_TYPE_JWT"}});
  EXPECT_EQ(unchanged.status, 400);
  EXPECT_EQ(unchanged.json, DomainError(9, "Errors.User.NotChanged", "COMMAND-2n8vs"));
  ExpectError(sandbox_.Call("PUT", User(id) + "/machine", {{"description", "no name"}}), 400, 3,
              false);

  ASSERT_EQ(sandbox_.Call("PUT", User(id) + "/username", {{"userName", "renamed"}}).status, 200);
  user = sandbox_.Call("GET", User(id)).json["user"];
  EXPECT_EQ(user["userName"], "renamed");
  EXPECT_EQ(user["preferredLoginName"], "renamed@sandbox.zitadel.localhost");
  const Reply same_name = sandbox_.Call("PUT", User(id) + "/username", {{"userName", "renamed"}});
  EXPECT_EQ(same_name.status, 400);
  EXPECT_EQ(same_name.json, DomainError(9, "Username not changed", "COMMAND-6m9gs"));
  AddId("taken");
  ExpectError(sandbox_.Call("PUT", User(id) + "/username", {{"userName", "taken"}}), 409, 6);
  ExpectError(sandbox_.Call("PUT", User("1") + "/username", {{"userName", "x"}}), 404, 5);
}

TEST_F(ZitadelTest, SecretLifecycle) {
  const std::string id = AddId("secretive");
  ExpectError(sandbox_.Call("DELETE", User(id) + "/secret"), 400, 9);
  const Reply first = sandbox_.Call("PUT", User(id) + "/secret", Json::object());
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json["clientId"], "secretive");
  const std::string secret = first.json["clientSecret"];
  EXPECT_GE(secret.size(), 32u);
  EXPECT_TRUE(first.json.contains("details"));
  EXPECT_EQ(sandbox_.Call("GET", User(id)).json["user"]["machine"]["hasSecret"], true);
  EXPECT_EQ(sandbox_.State()["zitadel"]["users"][0]["client_secret"], secret);

  const Reply second = sandbox_.Call("PUT", User(id) + "/secret");
  EXPECT_NE(second.json["clientSecret"], secret);  // regenerated
  EXPECT_EQ(sandbox_.Call("DELETE", User(id) + "/secret").status, 200);
  EXPECT_EQ(sandbox_.Call("GET", User(id)).json["user"]["machine"]["hasSecret"], false);
  ExpectError(sandbox_.Call("DELETE", User(id) + "/secret"), 400, 9);
  ExpectError(sandbox_.Call("PUT", User("42") + "/secret"), 404, 5);
}

TEST_F(ZitadelTest, RemoveUser) {
  const std::string id = AddId("doomed");
  const Reply removed = sandbox_.Call("DELETE", User(id));
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(removed.json["details"]["sequence"].is_string());
  const Reply gone = sandbox_.Call("GET", User(id));
  ExpectError(gone, 404, 5);
  EXPECT_EQ(gone.json["message"], "User could not be found (QUERY-Dfbg2)");
  ExpectError(sandbox_.Call("DELETE", User(id)), 404, 5);
  // The name is free again.
  EXPECT_EQ(Add("doomed").status, 200);
}

// Personal access tokens: the token only in the create's answer, ZITADEL's default expiry, a
// past expiry refused, machine users only, gone with their user.
TEST_F(ZitadelTest, PersonalAccessTokenLifecycle) {
  const std::string id = AddId("tokened");
  const Reply never = sandbox_.Call("POST", User(id) + "/pats", Json::object());
  ASSERT_EQ(never.status, 200) << never.body;
  const std::string never_id = never.json["tokenId"];
  EXPECT_GE(never.json["token"].get<std::string>().size(), 32u);
  EXPECT_TRUE(never.json["details"]["sequence"].is_string());
  const Reply dated =
      sandbox_.Call("POST", User(id) + "/pats", {{"expirationDate", "2035-01-01T01:00:00+01:00"}});
  ASSERT_EQ(dated.status, 200) << dated.body;
  const std::string dated_id = dated.json["tokenId"];

  const Reply got = sandbox_.Call("GET", User(id) + "/pats/" + never_id);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["token"]["id"], never_id);
  EXPECT_EQ(got.json["token"]["expirationDate"], "9999-12-31T23:59:59Z");
  EXPECT_FALSE(got.json["token"].contains("token")) << "the secret is shown only once";
  const Reply listed = sandbox_.Call("POST", User(id) + "/pats/_search", Json::object());
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json["result"].size(), 2u) << listed.body;
  EXPECT_EQ(listed.json["details"]["totalResult"], "2");
  EXPECT_EQ(listed.json["result"][1]["expirationDate"], "2035-01-01T00:00:00Z");
  // ListQuery pages the list.
  const Reply second_page = sandbox_.Call("POST", User(id) + "/pats/_search",
                                          {{"query", {{"offset", "1"}, {"limit", 1}}}});
  ASSERT_EQ(second_page.status, 200) << second_page.body;
  ASSERT_EQ(second_page.json["result"].size(), 1u) << second_page.body;
  EXPECT_EQ(second_page.json["result"][0]["id"], dated_id);
  EXPECT_EQ(second_page.json["details"]["totalResult"], "2");
  ExpectError(sandbox_.Call("POST", User(id) + "/pats/_search", {{"query", "x"}}), 400, 3,
              /*with_detail=*/false);
  EXPECT_EQ(sandbox_.Call("POST", User("42") + "/pats/_search", Json::object()).json["result"],
            Json::array());

  const Reply past =
      sandbox_.Call("POST", User(id) + "/pats", {{"expirationDate", "2001-01-01T00:00:00Z"}});
  ExpectError(past, 400, 3);
  EXPECT_EQ(past.json["message"], "Errors.AuthNKey.ExpireBeforeNow (DOMAIN-dv3t5)");
  ExpectError(sandbox_.Call("POST", User(id) + "/pats", {{"expirationDate", "soon"}}), 400, 3,
              /*with_detail=*/false);
  const Reply nobody = sandbox_.Call("POST", User("42") + "/pats", Json::object());
  ExpectError(nobody, 400, 9);
  EXPECT_EQ(nobody.json["message"], "User could not be found (COMMAND-Dggw2)");
  const Reply human = sandbox_.Call("POST", std::string(kUsers) + "/human",
                                    {{"userName", "person"},
                                     {"profile", {{"firstName", "A"}, {"lastName", "B"}}},
                                     {"email", {{"email", "person@example.com"}}}});
  ASSERT_EQ(human.status, 200) << human.body;
  const Reply person = sandbox_.Call("POST", User(human.json["userId"]) + "/pats", Json::object());
  ExpectError(person, 400, 9);
  EXPECT_EQ(person.json["message"], "Not allowed for this user type (COMMAND-Df2f1)");
  // A token of another organization's user is not found from this one.
  const Reply other = sandbox_.Call("GET", User(id) + "/pats/" + never_id, nullptr,
                                    {{"x-zitadel-orgid", kSecondOrg}});
  ExpectError(other, 404, 5);

  ASSERT_EQ(sandbox_.Call("DELETE", User(id) + "/pats/" + never_id).status, 200);
  const Reply gone = sandbox_.Call("GET", User(id) + "/pats/" + never_id);
  ExpectError(gone, 404, 5);
  EXPECT_EQ(gone.json["message"], "Errors.PersonalAccessToken.NotFound (QUERY-fRunu)");
  const Reply removed_twice = sandbox_.Call("DELETE", User(id) + "/pats/" + never_id);
  ExpectError(removed_twice, 404, 5);
  EXPECT_EQ(removed_twice.json["message"], "Personal Access Token not found (COMMAND-4m77G)");
  EXPECT_EQ(sandbox_.State()["zitadel"]["pats"].size(), 1u);
  // Removing the user removes its tokens.
  ASSERT_EQ(sandbox_.Call("DELETE", User(id)).status, 200);
  EXPECT_TRUE(sandbox_.State()["zitadel"]["pats"].empty());
  ExpectError(sandbox_.Call("GET", User(id) + "/pats/" + dated_id), 404, 5);
}

TEST_F(ZitadelTest, SearchByUserName) {
  AddId("alpha");
  const std::string beta = AddId("beta");
  AddId("alphabet");
  Add("beta", {{"x-zitadel-orgid", kSecondOrg}});
  const std::string search = std::string(kUsers) + "/_search";
  Reply reply = sandbox_.Call(
      "POST", search,
      {{"query", {{"offset", "0"}, {"limit", 100}, {"asc", true}}},
       {"queries",
        {{{"userNameQuery", {{"userName", "beta"}, {"method", "TEXT_QUERY_METHOD_EQUALS"}}}}}}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json["details"]["totalResult"], "1");
  ASSERT_EQ(reply.json["result"].size(), 1u);
  EXPECT_EQ(reply.json["result"][0]["id"], beta);
  EXPECT_EQ(reply.json["result"][0]["machine"]["name"], "Machine beta");

  reply = sandbox_.Call(
      "POST", search,
      {{"queries",
        {{{"userNameQuery",
           {{"userName", "ALPHA"}, {"method", "TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE"}}}}}}});
  EXPECT_EQ(reply.json["details"]["totalResult"], "2");

  // All of the org, paged.
  reply = sandbox_.Call("POST", search, {{"query", {{"offset", 1}, {"limit", 1}}}});
  EXPECT_EQ(reply.json["details"]["totalResult"], "3");
  ASSERT_EQ(reply.json["result"].size(), 1u);
  EXPECT_EQ(reply.json["result"][0]["id"], beta);

  reply = sandbox_.Call("POST", search, Json::object());
  EXPECT_EQ(reply.json["result"].size(), 3u);
  reply = sandbox_.Call("POST", search, {{"queries", {{{"emailQuery", {{"email", "x"}}}}}}});
  ExpectError(reply, 400, 3, false);
  reply =
      sandbox_.Call("POST", search, {{"queries", {{{"userNameQuery", {{"userName", "zzz"}}}}}}});
  EXPECT_EQ(reply.json["details"]["totalResult"], "0");
  EXPECT_TRUE(reply.json["result"].empty());
}

// AddHumanUser: a person's account, shown with `human` in place of `machine`; the machine
// routes do not find it, and typeQuery tells the kinds apart.
TEST_F(ZitadelTest, HumanUsers) {
  const Json person = {{"userName", "alice"},
                       {"profile", {{"firstName", "Alice"}, {"lastName", "Example"}}},
                       {"email", {{"email", "alice@example.com"}, {"isEmailVerified", true}}}};
  const Reply added = sandbox_.Call("POST", std::string(kUsers) + "/human", person);
  ASSERT_EQ(added.status, 200) << added.body;
  const std::string id = added.json["userId"];
  EXPECT_EQ(added.json["details"]["resourceOwner"], kDefaultOrg);
  const Json user = sandbox_.Call("GET", User(id)).json["user"];
  EXPECT_FALSE(user.contains("machine")) << user.dump();
  EXPECT_EQ(user["userName"], "alice");
  EXPECT_EQ(user["human"]["profile"]["displayName"], "Alice Example");
  EXPECT_EQ(user["human"]["email"]["email"], "alice@example.com");

  ExpectError(sandbox_.Call("PUT", User(id) + "/machine", {{"name", "x"}}), 404, 5);
  ExpectError(sandbox_.Call("PUT", User(id) + "/secret", Json::object()), 404, 5);
  ExpectError(sandbox_.Call("DELETE", User(id) + "/secret"), 404, 5);
  // The user name is taken for machines too.
  ExpectError(Add("alice"), 409, 6);

  const std::string machine = AddId("bot");
  const std::string search = std::string(kUsers) + "/_search";
  Reply humans =
      sandbox_.Call("POST", search, {{"queries", {{{"typeQuery", {{"type", "TYPE_HUMAN"}}}}}}});
  ASSERT_EQ(humans.json["result"].size(), 1u) << humans.body;
  EXPECT_EQ(humans.json["result"][0]["id"], id);
  Reply machines =
      sandbox_.Call("POST", search, {{"queries", {{{"typeQuery", {{"type", "TYPE_MACHINE"}}}}}}});
  ASSERT_EQ(machines.json["result"].size(), 1u) << machines.body;
  EXPECT_EQ(machines.json["result"][0]["id"], machine);

  Json no_email = person;
  no_email.erase("email");
  no_email["userName"] = "bob";
  ExpectError(sandbox_.Call("POST", std::string(kUsers) + "/human", no_email), 400, 3, false);
  Json bad_email = person;
  bad_email["userName"] = "carol";
  bad_email["email"]["email"] = "not an address";
  ExpectError(sandbox_.Call("POST", std::string(kUsers) + "/human", bad_email), 400, 3, false);

  EXPECT_EQ(sandbox_.Call("DELETE", User(id)).status, 200);
  ExpectError(sandbox_.Call("GET", User(id)), 404, 5);
}

TEST_F(ZitadelTest, Unauthenticated) {
  const Reply reply = sandbox_.CallWithToken("bad", "GET", User("1"), "");
  ExpectError(reply, 401, 16);
  const Reply missing = sandbox_.CallWithToken("", "POST", std::string(kUsers) + "/machine",
                                               R"({"userName":"a","name":"b"})");
  ExpectError(missing, 401, 16);
  EXPECT_TRUE(sandbox_.State()["zitadel"]["users"].empty());
}

TEST_F(ZitadelTest, UnknownRoutesGetTheGatewayNotFound) {
  // grpc-gateway answers a path it has no route for itself: code 5, the HTTP
  // status text, no error id, no details; before any authentication.
  for (const char* path : {"/management/v1/nonexistent", "/management/v1/users/x/bogus",
                           "/management/v1/orgs/me", "/admin/v1/nothing"}) {
    for (const std::string& token : {std::string(kToken), std::string()}) {
      const Reply reply = sandbox_.CallWithToken(token, "GET", path, "");
      EXPECT_EQ(reply.status, 404) << path;
      EXPECT_EQ(reply.content_type, "application/json") << path;
      EXPECT_EQ(reply.json, Json({{"code", 5}, {"message", "Not Found"}})) << path << reply.body;
    }
  }
  // A route of another method: ZITADEL's gateway keeps 405 with Unimplemented.
  const Reply wrong_method = sandbox_.Call("PATCH", User("1"));
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.json, Json({{"code", 12}, {"message", "Method Not Allowed"}}));
  // Outside the ZITADEL space an unknown path stays plain text.
  const Reply elsewhere = sandbox_.Call("GET", "/nowhere");
  EXPECT_EQ(elsewhere.status, 404);
  EXPECT_TRUE(elsewhere.json.is_discarded());
}

}  // namespace
}  // namespace orgiam::sandbox::testing
