# The layers of src/ and what each may use: the one table behind both orgiam_cc_library()
# (cmake/OrgiamLibrary.cmake, which refuses a link dependency on a layer not listed here) and
# the layering test (cmake/CheckLayers.cmake, which refuses an #include of one).
#
# Lowest first. ORGIAM_LAYER_USES_<layer> is every layer below it that <layer> may include
# and link (the list is closed under "uses": a layer may name what its dependencies use);
# everything a layer does not list is forbidden, its own directory always allowed.
#
#   util                        logging, endpoint URLs, random secrets, small helpers
#   cty                         types, values, codecs            → util
#   http                        the HTTP client (libcurl)        → util
#   framework                   schemas, validation, plan engine → cty, util
#   vultr, zitadel, motherduck  one vendor each                  → framework, http, cty, util
#                               (never another vendor)
#   proto                       generated tfplugin6 / go-plugin code (proto/)
#   tfproto                     the tfplugin6 RPC handlers       → framework, cty, util, proto
#   plugin                      go-plugin process and gRPC server → util, proto
#   provider                    the provider block and every vendor's registration
#                               → tfproto, the vendors, framework, http, cty, util, proto
#   main                        terraform-provider-orgiam        → everything
#
# The sandbox (sandbox/) shares no code with src/: it includes none of these layers.
#
# Each file of src/<layer>/ also opens only its own namespace, orgiam::<layer> (util also
# orgiam::log): a definition of another layer's declaration is the same arrow as an include.

set(ORGIAM_LAYERS util cty http framework vultr zitadel motherduck proto tfproto plugin provider
                  main)

set(ORGIAM_LAYER_USES_util "")
set(ORGIAM_LAYER_USES_cty util)
set(ORGIAM_LAYER_USES_http util)
set(ORGIAM_LAYER_USES_framework cty util)
set(ORGIAM_LAYER_USES_vultr framework http cty util)
set(ORGIAM_LAYER_USES_zitadel framework http cty util)
set(ORGIAM_LAYER_USES_motherduck framework http cty util)
set(ORGIAM_LAYER_USES_proto "")
set(ORGIAM_LAYER_USES_tfproto framework cty util proto)
set(ORGIAM_LAYER_USES_plugin util proto)
set(ORGIAM_LAYER_USES_provider tfproto vultr zitadel motherduck framework http cty util proto)
set(ORGIAM_LAYER_USES_main plugin provider tfproto vultr zitadel motherduck framework http cty
                           util proto)

# The namespaces a layer's files may open (orgiam::<ns>, orgiam::<ns>::...).
set(ORGIAM_LAYER_NAMESPACES_util util log)
