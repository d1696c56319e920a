# Sanitizer builds. -DORGIAM_SANITIZE=address,undefined (what `make asan` configures in
# build-asan/) compiles and links every target of the project, the generated protobuf code
# included, with those sanitizers. Debian's gRPC, Protobuf, Abseil and OpenSSL stay
# uninstrumented; ASan still checks what they do with the heap through its interceptors.
#
#   -fno-sanitize-recover=undefined  the first UBSan report ends the process (no log-and-go-on)
#   -fno-omit-frame-pointer          whole stacks in every report
#   -D_GLIBCXX_ASSERTIONS            libstdc++ bounds/empty checks (operator[], front(),
#                                    optional::operator*), which ASan misses within capacity
#   -O1 in Debug                     asserts on, yet tests run at a usable speed
#   -Wno-error                       warnings stay warnings here: gcc's flow-based ones
#                                    (format-truncation, stringop-*, array-bounds) misfire on
#                                    instrumented -O1 code, and the normal build, which
#                                    compiles the same sources with -Werror, gates warnings
#
# Each executable also links tests/sanitizers/defaults.cc, which compiles the runtime options
# in (see that file): the conformance tests start the provider with an environment of their
# own, so ASAN_OPTIONS set by a script would never reach it.

set(ORGIAM_SANITIZE "" CACHE STRING
    "Sanitizers for every target, a -fsanitize= list such as address,undefined (make asan)")

if(ORGIAM_SANITIZE)
  if(ORGIAM_SANITIZE MATCHES "fuzzer")
    message(FATAL_ERROR "ORGIAM_SANITIZE: the fuzzers are built by tests/fuzz, not this option")
  endif()
  set(_orgiam_sanitize_flags -fsanitize=${ORGIAM_SANITIZE} -fno-omit-frame-pointer)
  if(ORGIAM_SANITIZE MATCHES "undefined")
    list(APPEND _orgiam_sanitize_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_orgiam_sanitize_flags} $<$<CONFIG:Debug>:-O1>)
  add_compile_definitions(_GLIBCXX_ASSERTIONS)
  add_link_options(-fsanitize=${ORGIAM_SANITIZE})

  # Reports from every process (tests, and the provider and sandbox they start) are written
  # here; scripts/run-tests.sh --sanitizers fails when it finds one.
  set(ORGIAM_SANITIZER_LOG_DIR ${CMAKE_BINARY_DIR}/sanitizer-logs)
  file(MAKE_DIRECTORY ${ORGIAM_SANITIZER_LOG_DIR})
  add_library(orgiam_sanitizer_defaults OBJECT
              ${CMAKE_CURRENT_LIST_DIR}/../tests/sanitizers/defaults.cc)
  target_compile_definitions(orgiam_sanitizer_defaults PRIVATE
    ORGIAM_SANITIZER_LOG_PATH="${ORGIAM_SANITIZER_LOG_DIR}/report"
    ORGIAM_LSAN_SUPPRESSIONS="${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp")
endif()

# Collects the targets of `dir` and its subdirectories into `out_var`.
function(_orgiam_targets_below dir out_var)
  get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  foreach(sub ${subdirs})
    _orgiam_targets_below(${sub} sub_targets)
    list(APPEND targets ${sub_targets})
  endforeach()
  set(${out_var} ${targets} PARENT_SCOPE)
endfunction()

# Called once every directory is added: appends -Wno-error to every compiled target (after the
# -Werror of orgiam_warnings) and links the runtime options into each executable. The
# LINK_LIBRARIES property is appended directly, so it works whichever target_link_libraries
# signature the executable's own CMakeLists.txt uses.
function(orgiam_sanitize_targets)
  if(NOT ORGIAM_SANITIZE)
    return()
  endif()
  _orgiam_targets_below(${PROJECT_SOURCE_DIR} targets)
  foreach(target ${targets})
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$")
      set_property(TARGET ${target} APPEND PROPERTY COMPILE_OPTIONS -Wno-error)
    endif()
    if(type STREQUAL "EXECUTABLE")
      set_property(TARGET ${target} APPEND PROPERTY LINK_LIBRARIES orgiam_sanitizer_defaults)
    endif()
  endforeach()
endfunction()
