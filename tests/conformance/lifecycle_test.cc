// Stopping: GRPCController/Shutdown, signals, parent death; and stdout hygiene.

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "google/protobuf/empty.pb.h"
#include "grpc_clients.h"
#include "gtest/gtest.h"
#include "plugin_process.h"
#include "proto/grpc_stdio.grpc.pb.h"
#include "test_certs.h"

namespace orgiam::conformance {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

struct Started {
  std::string socket;
  std::shared_ptr<grpc::Channel> channel;
};

// Starts `process` with AutoMTLS and returns a connected client channel.
Started StartWithTls(PluginProcess& process) {
  testing::PemPair client = testing::MakeClientCertificate();
  PluginProcess::Env env = process.TerraformEnv();
  env["PLUGIN_CLIENT_CERT"] = client.cert_pem;
  process.Start({}, env);
  auto handshake = process.ReadHandshake();
  Started started;
  if (!handshake.has_value() || handshake->fields.size() != 6) return started;
  std::string der;
  if (!testing::DecodeBase64(handshake->fields[5], &der)) return started;
  started.socket = handshake->fields[3];
  started.channel = MtlsChannel(started.socket, testing::DerToPem(der), client);
  return started;
}

std::string SocketDirOf(const std::string& socket) {
  return std::filesystem::path(socket).parent_path().string();
}

TEST(ShutdownTest, ControllerShutdownExitsPromptlyAndCleansUp) {
  PluginProcess process;
  Started s = StartWithTls(process);
  ASSERT_NE(s.channel, nullptr) << process.Stderr();
  ASSERT_TRUE(CheckHealth(s.channel).status.ok());
  ASSERT_TRUE(std::filesystem::exists(SocketDirOf(s.socket)));

  const auto before = Clock::now();
  grpc::Status status = CallShutdown(s.channel);
  EXPECT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(process.WaitForExit(seconds(1)), 0) << process.Stderr();
  EXPECT_LT(Clock::now() - before, seconds(1));
  EXPECT_FALSE(std::filesystem::exists(SocketDirOf(s.socket)));

  // Nothing but the handshake line ever reached stdout.
  EXPECT_EQ(process.ReadAllStdout(seconds(1)), "");
}

TEST(ShutdownTest, OpenStdioStreamDoesNotDelayShutdown) {
  PluginProcess process;
  Started s = StartWithTls(process);
  ASSERT_NE(s.channel, nullptr) << process.Stderr();

  // go-plugin opens StreamStdio right after connecting and keeps it open.
  auto stub = ::plugin::GRPCStdio::NewStub(s.channel);
  grpc::ClientContext stream_context;
  google::protobuf::Empty empty;
  auto reader = stub->StreamStdio(&stream_context, empty);
  grpc::Status stream_status;
  std::thread drain([&] {
    ::plugin::StdioData data;
    while (reader->Read(&data)) {
    }
    stream_status = reader->Finish();
  });
  std::this_thread::sleep_for(milliseconds(100));

  const auto before = Clock::now();
  EXPECT_TRUE(CallShutdown(s.channel).ok());
  EXPECT_EQ(process.WaitForExit(seconds(1)), 0);
  EXPECT_LT(Clock::now() - before, seconds(1));
  drain.join();
  EXPECT_TRUE(stream_status.ok() || stream_status.error_code() == grpc::StatusCode::UNAVAILABLE)
      << stream_status.error_code();
}

TEST(ShutdownTest, ShutdownIsIdempotentForConcurrentCallers) {
  PluginProcess process;
  Started s = StartWithTls(process);
  ASSERT_NE(s.channel, nullptr) << process.Stderr();
  std::thread other([&] { CallShutdown(s.channel); });
  CallShutdown(s.channel);
  other.join();
  EXPECT_EQ(process.WaitForExit(seconds(2)), 0);
}

TEST(SignalTest, SigintIsIgnored) {
  PluginProcess process;
  Started s = StartWithTls(process);
  ASSERT_NE(s.channel, nullptr) << process.Stderr();
  process.Signal(SIGINT);
  std::this_thread::sleep_for(milliseconds(300));
  EXPECT_TRUE(process.Running());
  EXPECT_TRUE(CheckHealth(s.channel).status.ok());
}

TEST(SignalTest, SigtermExitsCleanly) {
  PluginProcess process;
  Started s = StartWithTls(process);
  ASSERT_NE(s.channel, nullptr) << process.Stderr();
  process.Signal(SIGTERM);
  EXPECT_EQ(process.WaitForExit(seconds(2)), 0) << process.Stderr();
  EXPECT_FALSE(std::filesystem::exists(SocketDirOf(s.socket)));
  EXPECT_EQ(process.ReadAllStdout(seconds(1)), "");
}

TEST(SignalTest, SigtermBeforeAnyClientExitsCleanly) {
  PluginProcess process;
  process.Start({}, process.TerraformEnv());
  auto handshake = process.ReadHandshake();
  ASSERT_TRUE(handshake.has_value());
  process.Signal(SIGTERM);
  EXPECT_EQ(process.WaitForExit(seconds(2)), 0);
  EXPECT_FALSE(std::filesystem::exists(SocketDirOf(handshake->fields[3])));
}

// True when `pid` is gone or a zombie (whoever adopted it may not reap
// promptly).
bool ProcessGone(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  if (!stat) return true;
  std::string line;
  std::getline(stat, line);
  const size_t paren = line.rfind(')');
  return paren == std::string::npos || paren + 2 >= line.size() || line[paren + 2] == 'Z';
}

TEST(ParentTest, ExitsWhenItsParentDies) {
  // A shell stands in for Terraform: it starts the plugin, reports its pid,
  // then dies.
  PluginProcess shell;
  PluginProcess::Env env = shell.TerraformEnv();
  env["ORGIAM_BIN"] = ProviderBinary();
  shell.StartProgram("/bin/sh", {"-c", "\"$ORGIAM_BIN\" & echo \"pid:$!\"; sleep 0.5"}, env);
  pid_t plugin_pid = -1;
  std::string socket;
  for (int i = 0; i < 2; ++i) {
    auto line = shell.ReadLine(seconds(10));
    ASSERT_TRUE(line.has_value()) << shell.Stderr();
    if (line->rfind("pid:", 0) == 0) {
      plugin_pid = std::stoi(line->substr(4));
    } else {
      Handshake handshake = ParseHandshake(*line);
      ASSERT_EQ(handshake.fields.size(), 6u) << *line;
      socket = handshake.fields[3];
    }
  }
  ASSERT_GT(plugin_pid, 0);
  EXPECT_EQ(shell.WaitForExit(seconds(5)), 0);
  const auto deadline = Clock::now() + seconds(3);
  while (!ProcessGone(plugin_pid) && Clock::now() < deadline) {
    std::this_thread::sleep_for(milliseconds(20));
  }
  const bool gone = ProcessGone(plugin_pid);
  if (!gone) kill(plugin_pid, SIGKILL);  // no orphans, even on failure
  EXPECT_TRUE(gone);
  EXPECT_FALSE(std::filesystem::exists(SocketDirOf(socket))) << socket;
}

}  // namespace
}  // namespace orgiam::conformance
