# Read by CTest (TEST_INCLUDE_FILES of tests/) before it runs any test: the environment set
# here is the one of every test process and of what they start (terraform, the provider).
# ORGIAM_STRICT=0 in the caller's environment keeps the release behaviour for a run.
if(NOT DEFINED ENV{ORGIAM_STRICT})
  set(ENV{ORGIAM_STRICT} 1)
endif()
