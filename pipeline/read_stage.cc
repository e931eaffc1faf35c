// Stage "read": file → Document (pages, lines, words, sha256).
#include <cstdio>
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

std::string Size(int64_t bytes) {
  char buf[32];
  if (bytes >= (int64_t{1} << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  else std::snprintf(buf, sizeof buf, "%lld bytes", static_cast<long long>(bytes));
  return buf;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

// Degenerate text (one huge line, millions of tiny words, thousands of form
// feeds) is refused before it is split into lines and words, which take
// ~30 bytes of memory per byte of input.
Status CheckTextShape(const std::string& text, const PipelineOptions& o) {
  int64_t words = 0, line_start = 0, line_number = 1, pages = 1;
  bool in_word = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : '\n';
    if (c == '\n') {
      if (static_cast<int64_t>(i) - line_start > o.max_line_bytes) {
        return Status::TooLarge("line " + std::to_string(line_number) + " is " +
                                Size(static_cast<int64_t>(i) - line_start) + " long, limit " + Size(o.max_line_bytes));
      }
      line_start = static_cast<int64_t>(i) + 1;
      if (++line_number > o.max_lines && i + 1 < text.size())
        return Status::TooLarge("more than " + std::to_string(o.max_lines) + " lines");
    }
    if (c == '\f' && ++pages > o.max_pages)
      return Status::TooLarge("more than " + std::to_string(o.max_pages) + " pages (form feeds)");
    bool space = IsSpace(c);
    if (!space && !in_word && ++words > o.max_words)
      return Status::TooLarge("more than " + std::to_string(o.max_words) + " words");
    in_word = !space;
  }
  return Status::Ok();
}

int64_t CountWords(const Document& doc) {
  int64_t n = 0;
  for (const Page& p : doc.pages)
    for (const Line& l : p.lines) n += static_cast<int64_t>(l.words.size());
  return n;
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
  if (static_cast<int64_t>(size) > ctx.options.max_text_bytes) {
    // Only a PDF may be this large: a text dump is refused unread.
    std::string head(1024, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.find("%PDF-") == std::string::npos) {
      if (!HasTextExtension(doc.source_path)) return Status::Unsupported("not a PDF (no %PDF- header)");
      return Status::TooLarge(Size(static_cast<int64_t>(size)) + " of text, limit " + Size(ctx.options.max_text_bytes) +
                              " (a text dump of a document is well under 1 MB)");
    }
    in.clear();
    in.seekg(0);
  }
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
    FINSAM_RETURN_IF_ERROR(ReadPdf(bytes, ctx.options.max_pages, doc));
    if (int64_t words = CountWords(doc); words > ctx.options.max_words)
      return Status::TooLarge(std::to_string(words) + " words, limit " + std::to_string(ctx.options.max_words));
    return Status::Ok();
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
  bytes = std::string();  // decoded into *text
  FINSAM_RETURN_IF_ERROR(CheckTextShape(*text, ctx.options));
  if (!note.empty()) doc.warnings.push_back(note);
  doc.format = InputFormat::kText;
  ReadText(*text, doc);
  return Status::Ok();
}

}  // namespace finsam
