// Runtime options of the sanitizer build (cmake/Sanitizers.cmake links this file into every
// executable when ORGIAM_SANITIZE is set). The runtimes call these functions at start-up, before
// reading ASAN_OPTIONS / UBSAN_OPTIONS / LSAN_OPTIONS, so the environment can still override any
// option for a run by hand (ASAN_OPTIONS=log_path=stderr puts reports back on stderr).
//
// Compiled in rather than exported by a script because the conformance tests start the
// provider with an environment of their own and send its stderr to a temporary file: a report
// from the provider must still end up where scripts/run-tests.sh --sanitizers looks.
//
// ORGIAM_SANITIZER_LOG_PATH  <build>/sanitizer-logs/report: every report goes to
//                            report.<program>.<pid> there; any such file fails the run
// ORGIAM_LSAN_SUPPRESSIONS   tests/sanitizers/lsan.supp (commented, one entry per reason)

#define ORGIAM_SANITIZER_OPTIONS_COMMON \
  "log_path=" ORGIAM_SANITIZER_LOG_PATH ":log_exe_name=1:print_stacktrace=1:halt_on_error=1"

extern "C" {

// The first error ends the process. Stack use after return and initialization order are
// checked too; SIGSEGV is reported with a stack. SIGABRT is not: the death tests abort on
// purpose, and any other abort still fails its test.
__attribute__((visibility("default"), used, no_sanitize_address)) const char*
__asan_default_options() {
  return ORGIAM_SANITIZER_OPTIONS_COMMON
      ":detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1"
      ":strict_init_order=1:handle_abort=0:handle_segv=1";
}

// -fno-sanitize-recover=undefined already makes every check fatal; halt_on_error keeps it so
// for any check built recoverable.
__attribute__((visibility("default"), used, no_sanitize_address)) const char*
__ubsan_default_options() {
  return ORGIAM_SANITIZER_OPTIONS_COMMON ":report_error_type=1";
}

// Leak reports name only what the suppressions do not cover; the list of suppressions that
// matched is not printed (it would create a report file for a clean run).
__attribute__((visibility("default"), used, no_sanitize_address)) const char*
__lsan_default_options() {
  return "suppressions=" ORGIAM_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

}  // extern "C"
