// orgiam-docgen: writes the provider's documentation in the Terraform Registry layout
// (docs/index.md, docs/resources/*.md, docs/data-sources/*.md, docs/ephemeral-resources/*.md)
// from the compiled-in schemas, so the docs can never disagree with the provider.
//
// Usage: orgiam-docgen OUTPUT_DIR [EXAMPLES_DIR]

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "framework/schema_registry.h"

namespace {

using orgiam::framework::AttributeSchema;
using orgiam::framework::NestedBlockSchema;
using orgiam::framework::Schema;
using orgiam::framework::SchemaKind;
using orgiam::framework::SchemaRegistry;

std::string ReadIfExists(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return "";
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Flags(const AttributeSchema& a) {
  std::string flags = a.type.FriendlyName();
  if (a.sensitive) flags += ", sensitive";
  if (a.write_only) flags += ", write-only";
  if (a.requires_replace) flags += ", forces replacement";
  if (a.default_value) flags += ", default `" + a.default_value->DebugString() + "`";
  if (a.env) flags += ", env `" + *a.env + "`";
  return flags;
}

std::string Constraints(const AttributeSchema& a) {
  std::string out;
  for (const auto& validator : a.validators) {
    out += (out.empty() ? " Constraints: " : "; ") + validator->Describe();
  }
  return out.empty() ? "" : out + ".";
}

void WriteAttributes(std::ostream& out, const std::vector<AttributeSchema>& attributes) {
  struct Group {
    const char* title;
    bool (*member)(const AttributeSchema&);
  };
  const Group groups[] = {
      {"Required", [](const AttributeSchema& a) { return a.required; }},
      {"Optional", [](const AttributeSchema& a) { return a.optional; }},
      {"Read-Only", [](const AttributeSchema& a) { return a.computed && !a.optional; }},
  };
  for (const Group& group : groups) {
    bool any = false;
    for (const AttributeSchema& a : attributes) {
      if (!group.member(a)) continue;
      if (!any) out << "\n### " << group.title << "\n\n";
      any = true;
      out << "- `" << a.name << "` (" << Flags(a) << ") " << a.description << Constraints(a)
          << "\n";
    }
  }
}

void WriteBlocks(std::ostream& out, const std::vector<NestedBlockSchema>& blocks) {
  for (const NestedBlockSchema& block : blocks) {
    out << "\n### Block `" << block.name << "`\n\n" << block.block->description << "\n";
    WriteAttributes(out, block.block->attributes);
  }
}

std::string Fenced(const std::string& body, const char* language) {
  return std::string("```") + language + "\n" + body + (body.ends_with("\n") ? "" : "\n") + "```\n";
}

void WritePage(const std::filesystem::path& file, const Schema& schema, const char* kind_label,
               const std::filesystem::path& examples) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file);
  out << "# " << schema.type_name << " (" << kind_label << ")\n\n"
      << schema.block.description << "\n";
  const std::string example = ReadIfExists(examples / "resource.tf");
  if (!example.empty()) out << "\n## Example\n\n" << Fenced(example, "hcl");
  out << "\n## Schema\n";
  WriteAttributes(out, schema.block.attributes);
  WriteBlocks(out, schema.block.blocks);
  if (!schema.import_help.empty()) {
    out << "\n## Import\n\n" << schema.import_help << "\n";
    const std::string import_block = ReadIfExists(examples / "import.tf");
    if (!import_block.empty()) out << "\n" << Fenced(import_block, "hcl");
    const std::string import_cli = ReadIfExists(examples / "import.sh");
    if (!import_cli.empty()) out << "\n" << Fenced(import_cli, "shell");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: orgiam-docgen OUTPUT_DIR [EXAMPLES_DIR]\n";
    return 2;
  }
  const std::filesystem::path docs = argv[1];
  const std::filesystem::path examples = argc > 2 ? argv[2] : "examples";
  const SchemaRegistry& registry = SchemaRegistry::Get();
  {
    std::filesystem::create_directories(docs);
    std::ofstream out(docs / "index.md");
    out << "# orgiam provider\n\n" << registry.provider().block.description << "\n";
    const std::string example = ReadIfExists(examples / "quickstart" / "main.tf");
    if (!example.empty()) out << "\n## Example\n\n" << Fenced(example, "hcl");
    out << "\n## Schema\n";
    WriteAttributes(out, registry.provider().block.attributes);
    WriteBlocks(out, registry.provider().block.blocks);
  }
  for (const auto& [name, schema] : registry.resources()) {
    WritePage(docs / "resources" / (name.substr(7) + ".md"), schema, "Resource",
              examples / "resources" / name);
  }
  for (const auto& [name, schema] : registry.data_sources()) {
    WritePage(docs / "data-sources" / (name.substr(7) + ".md"), schema, "Data Source",
              examples / "data-sources" / name);
  }
  for (const auto& [name, schema] : registry.ephemerals()) {
    WritePage(docs / "ephemeral-resources" / (name.substr(7) + ".md"), schema, "Ephemeral Resource",
              examples / "ephemeral-resources" / name);
  }
  return 0;
}
