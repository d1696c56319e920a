# orgiam_cc_library(NAME <target> SRCS <file>... [DEPS <lib>...] [PRIVATE_DEPS <lib>...]
#                   [DEFINES <name=value>...] [LAYER <layer>])
#
# One library of src/: a static library of SRCS with the project's warnings
# (orgiam_warnings), src/ as its public include root, and links to exactly DEPS (public) and
# PRIVATE_DEPS. LAYER defaults to the name of the calling directory (src/<layer>/).
#
# A dependency on another orgiam library (orgiam_<layer>[_<part>]) must be a layer that LAYER
# may use (cmake/Layers.cmake); anything else stops the configure step, so the link graph
# cannot grow an arrow the include check (test layering_test) would refuse. Today's graph:
#
#   orgiam_util                                 absl, nlohmann_json
#   orgiam_cty        → util                    absl, nlohmann_json
#   orgiam_http       → util                    absl, nlohmann_json, Threads; libcurl headers
#                                               only (dlopen()ed), dl
#   orgiam_framework  → cty, util               re2, absl (+ the embedded schemas/)
#   orgiam_vultr, orgiam_zitadel, orgiam_motherduck
#                     → framework, http, util   absl
#   orgiam_tfproto    → framework, cty, proto, util
#   orgiam_plugin     → util, proto             gRPC, OpenSSL, absl, nlohmann_json
#   orgiam_provider_config → framework, util
#   orgiam_provider   → provider_config, tfproto, framework, cty, vultr, zitadel, motherduck,
#                       util
#   terraform-provider-orgiam (src/main) → plugin, provider

include(${CMAKE_CURRENT_LIST_DIR}/Layers.cmake)

# The layer of an orgiam library target (orgiam_provider_config → provider), or "" for a
# target that is not one.
function(orgiam_layer_of target out)
  set(layer "")
  if(target MATCHES "^orgiam_(.+)$")
    set(rest ${CMAKE_MATCH_1})
    foreach(candidate IN LISTS ORGIAM_LAYERS)
      if(rest STREQUAL candidate OR rest MATCHES "^${candidate}_")
        string(LENGTH "${candidate}" length)
        string(LENGTH "${layer}" best)
        if(length GREATER best)
          set(layer ${candidate})
        endif()
      endif()
    endforeach()
  endif()
  set(${out} "${layer}" PARENT_SCOPE)
endfunction()

function(orgiam_cc_library)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;LAYER" "SRCS;DEPS;PRIVATE_DEPS;DEFINES")
  if(NOT arg_NAME OR NOT arg_SRCS)
    message(FATAL_ERROR "orgiam_cc_library: NAME and SRCS are required")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "orgiam_cc_library(${arg_NAME}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_LAYER)
    get_filename_component(arg_LAYER ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  endif()
  if(NOT arg_LAYER IN_LIST ORGIAM_LAYERS)
    message(FATAL_ERROR "orgiam_cc_library(${arg_NAME}): ${arg_LAYER} is not a layer of "
                        "cmake/Layers.cmake")
  endif()
  foreach(dep IN LISTS arg_DEPS arg_PRIVATE_DEPS)
    orgiam_layer_of(${dep} dep_layer)
    if(dep_layer AND NOT dep_layer STREQUAL arg_LAYER
       AND NOT dep_layer IN_LIST ORGIAM_LAYER_USES_${arg_LAYER})
      message(FATAL_ERROR
              "orgiam_cc_library(${arg_NAME}): layer ${arg_LAYER} may not link ${dep} (layer "
              "${dep_layer}); it may use: ${ORGIAM_LAYER_USES_${arg_LAYER}} (cmake/Layers.cmake)")
    endif()
  endforeach()

  add_library(${arg_NAME} ${arg_SRCS})
  target_include_directories(${arg_NAME} PUBLIC ${ORGIAM_SRC_ROOT})
  if(arg_DEPS)
    target_link_libraries(${arg_NAME} PUBLIC ${arg_DEPS})
  endif()
  if(arg_PRIVATE_DEPS)
    target_link_libraries(${arg_NAME} PRIVATE ${arg_PRIVATE_DEPS})
  endif()
  if(arg_DEFINES)
    target_compile_definitions(${arg_NAME} PRIVATE ${arg_DEFINES})
  endif()
  set_property(TARGET ${arg_NAME} PROPERTY ORGIAM_LAYER ${arg_LAYER})
  orgiam_warnings(${arg_NAME})
endfunction()
