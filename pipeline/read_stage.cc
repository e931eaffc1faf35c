// Stage "read": file → Document (pages, lines, words, sha256).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "normalizers/unicode.h"
#include "pipeline/input/pdf_reader.h"
#include "pipeline/input/sha256.h"
#include "pipeline/input/text_reader.h"
#include "pipeline/stages.h"

namespace finsam {
namespace {

bool HasTextExtension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt" || ext == ".md" || ext == ".text";
}

}  // namespace

Status ReadStage(PipelineContext& ctx) {
  Document& doc = ctx.ex.doc;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(doc.source_path, ec)) return Status::NotFound("no such file");
  if (fs::is_directory(doc.source_path, ec)) return Status::InvalidArgument("is a directory");
  auto size = fs::file_size(doc.source_path, ec);
  if (ec) return Status::IoError("cannot stat: " + ec.message());
  if (static_cast<int64_t>(size) > ctx.options.max_file_bytes)
    return Status::TooLarge(std::to_string(size) + " bytes, limit " + std::to_string(ctx.options.max_file_bytes));
  if (size == 0) return Status::Corrupt("empty file");
  std::ifstream in(doc.source_path, std::ios::binary);
  if (!in) return Status::IoError("cannot open for reading");
  std::string bytes;
  bytes.resize(size);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in) return Status::IoError("short read");
  doc.size_bytes = static_cast<int64_t>(size);
  doc.sha256 = Sha256Hex(bytes);

  // %PDF- may be preceded by junk within the first KiB (the spec allows it).
  size_t pdf_magic = bytes.substr(0, 1024).find("%PDF-");
  if (pdf_magic != std::string::npos) {
    doc.format = InputFormat::kPdf;
    return ReadPdf(bytes, ctx.options.max_pages, doc);
  }
  std::string note;
  Result<std::string> text = DecodeText(bytes, &note);
  if (!text.ok()) {
    if (HasTextExtension(doc.source_path)) return text.status();
    return Status::Unsupported("not a PDF (no %PDF- header) and not a text file");
  }
  if (!HasTextExtension(doc.source_path)) {
    return Status::Unsupported("not a PDF (no %PDF- header); plain text is read from .txt or .md files");
  }
  if (!note.empty()) doc.warnings.push_back(note);
  doc.format = InputFormat::kText;
  ReadText(*text, doc);
  return Status::Ok();
}

}  // namespace finsam
