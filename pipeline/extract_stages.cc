// Extraction stages: thin wrappers that call the extractors/ library on the
// document and store the records in the Extraction.
#include <mutex>

#include "extractors/financial_tables.h"
#include "extractors/metadata.h"
#include "pipeline/stages.h"

namespace finsam {
namespace {

const ForbundRegistry& Registry() {
  static const ForbundRegistry* registry = [] {
    Result<ForbundRegistry> r = ForbundRegistry::Load(DataDir() + "/forbund_registry.tsv");
    return new ForbundRegistry(r.ok() ? std::move(r).value() : ForbundRegistry());
  }();
  return *registry;
}

}  // namespace

Status MetadataStage(PipelineContext& ctx) {
  if (Registry().size() == 0) ctx.ex.doc.warnings.push_back("förbund registry not found in " + DataDir());
  ExtractMetadata(Registry(), ctx.ex.doc);
  return Status::Ok();
}

Status FinancialTablesStage(PipelineContext& ctx) {
  ctx.ex.tables = ExtractFinancialTables(ctx.ex.doc);
  return Status::Ok();
}

}  // namespace finsam
