# The layering test (ctest layering_test, label unit):
#   cmake -DSOURCE_ROOT=<repository> -P cmake/CheckLayers.cmake
#
# Reads every .cc and .h of src/<layer>/ and sandbox/ and fails when
#   - a file includes a header of a layer its own may not use ("vultr/..." from src/zitadel,
#     "http/..." from src/framework, "provider/..." from src/tfproto, ...), or
#   - a file of src/<layer>/ opens the namespace of another layer (namespace orgiam::tfproto in
#     src/provider: defining what a lower layer declares is an upward arrow too), or
#   - a file of sandbox/ includes any layer of src/ (the sandbox shares no code with them).
# The table of what each layer may use is cmake/Layers.cmake. Every violation is listed.

cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_ROOT)
  message(FATAL_ERROR "CheckLayers.cmake: pass -DSOURCE_ROOT=<repository root>")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/Layers.cmake)

set(violations "")
set(files_checked 0)

# Checks one file of <layer> (or of the sandbox, with layer "sandbox").
function(check_file file layer)
  file(RELATIVE_PATH rel ${SOURCE_ROOT} ${file})
  file(STRINGS ${file} lines REGEX "^[ \t]*(#[ \t]*include|namespace[ \t]+orgiam)")
  set(found "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[\"<]([A-Za-z0-9_]+)/")
      set(target ${CMAKE_MATCH_1})
      if(target IN_LIST ORGIAM_LAYERS AND NOT target STREQUAL layer)
        if(layer STREQUAL "sandbox")
          list(APPEND found "${rel}: the sandbox includes ${target}/ (it shares no code with src/)")
        elseif(NOT target IN_LIST ORGIAM_LAYER_USES_${layer})
          string(STRIP "${line}" shown)
          list(APPEND found "${rel}: ${layer} may not include ${target}/ (${shown})")
        endif()
      endif()
    elseif(line MATCHES "^[ \t]*namespace[ \t]+orgiam::([A-Za-z0-9_]+)" AND
           NOT layer STREQUAL "sandbox")
      set(ns ${CMAKE_MATCH_1})
      set(allowed ${layer})
      if(DEFINED ORGIAM_LAYER_NAMESPACES_${layer})
        set(allowed ${ORGIAM_LAYER_NAMESPACES_${layer}})
      endif()
      if(NOT ns IN_LIST allowed)
        list(APPEND found "${rel}: a file of ${layer} opens namespace orgiam::${ns}")
      endif()
    endif()
  endforeach()
  set(found_out "${found}" PARENT_SCOPE)
endfunction()

file(GLOB layer_dirs LIST_DIRECTORIES true ${SOURCE_ROOT}/src/*)
foreach(dir IN LISTS layer_dirs)
  if(NOT IS_DIRECTORY ${dir})
    continue()
  endif()
  get_filename_component(layer ${dir} NAME)
  if(NOT layer IN_LIST ORGIAM_LAYERS)
    list(APPEND violations "src/${layer}/ is not a layer of cmake/Layers.cmake")
    continue()
  endif()
  file(GLOB_RECURSE sources ${dir}/*.cc ${dir}/*.h)
  foreach(file IN LISTS sources)
    check_file(${file} ${layer})
    list(APPEND violations ${found_out})
    math(EXPR files_checked "${files_checked} + 1")
  endforeach()
endforeach()

file(GLOB_RECURSE sandbox_sources ${SOURCE_ROOT}/sandbox/*.cc ${SOURCE_ROOT}/sandbox/*.h)
foreach(file IN LISTS sandbox_sources)
  check_file(${file} sandbox)
  list(APPEND violations ${found_out})
  math(EXPR files_checked "${files_checked} + 1")
endforeach()

if(files_checked LESS 50)
  message(FATAL_ERROR "layering: only ${files_checked} files under ${SOURCE_ROOT}; wrong root?")
endif()
list(LENGTH violations count)
if(count GREATER 0)
  foreach(v IN LISTS violations)
    message("layering: ${v}")
  endforeach()
  message(FATAL_ERROR "layering: ${count} wrong-way dependencies (allowed: cmake/Layers.cmake)")
endif()
message(STATUS "layering: ${files_checked} files, every include and namespace within its layer")
