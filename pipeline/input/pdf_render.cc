#include "pipeline/input/pdf_render.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <vector>

namespace finsam {
namespace {

// libjpeg inside Poppler prints its warnings ("Corrupt JPEG data: 3
// extraneous bytes before marker 0xda") straight to stderr through an error
// manager Poppler does not hook. While a page renders, file descriptor 2
// goes to a temporary file (one rendering at a time: the descriptor is the
// process's); afterwards the lines are taken as the page's warnings, except
// finsam's own lines another thread wrote meanwhile, which are passed on to
// the real stderr unchanged.
std::mutex g_stderr_mu;

bool IsOwnLine(const std::string& line) {
  for (const char* prefix : {"finsam", "loaded ", "unchanged ", "re-extracted ", "  warning: ", "OCR:"})
    if (line.rfind(prefix, 0) == 0) return true;
  return line.find('\r') != std::string::npos;  // progress lines
}

class CaptureStderr {
 public:
  CaptureStderr() : lock_(g_stderr_mu) {
    std::cerr.flush();
    std::fflush(stderr);
    tmp_ = std::tmpfile();
    if (!tmp_) return;
    saved_ = dup(2);
    if (saved_ >= 0 && dup2(fileno(tmp_), 2) < 0) {
      close(saved_);
      saved_ = -1;
    }
  }
  ~CaptureStderr() { Finish(); }

  // Restores stderr; returns the third-party lines written meanwhile.
  std::vector<std::string> Finish() {
    std::vector<std::string> out;
    if (!tmp_) return out;
    std::cerr.flush();
    std::fflush(stderr);
    if (saved_ >= 0) {
      dup2(saved_, 2);
      close(saved_);
      saved_ = -1;
    }
    std::string bytes;
    std::rewind(tmp_);
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, tmp_)) > 0;) bytes.append(buf, n);
    std::fclose(tmp_);
    tmp_ = nullptr;
    std::string passed_on;
    size_t start = 0;
    while (start < bytes.size()) {
      size_t end = bytes.find('\n', start);
      if (end == std::string::npos) end = bytes.size();
      std::string line = bytes.substr(start, end - start);
      if (IsOwnLine(line)) passed_on += bytes.substr(start, end + 1 - start);
      else if (!line.empty()) out.push_back(line);
      start = end + 1;
    }
    if (!passed_on.empty()) std::cerr << passed_on << std::flush;
    return out;
  }

 private:
  std::lock_guard<std::mutex> lock_;
  std::FILE* tmp_ = nullptr;
  int saved_ = -1;
};

}  // namespace

namespace {

std::unique_ptr<poppler::document> OpenForRendering(const std::string& bytes) {
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
}

// Renders page `page_index` of the open `pdf`.
Result<GrayImage> RenderPage(poppler::document* pdf, int page_index, int dpi, RenderColor color) {
  if (dpi < 10 || dpi > 1200) return Status::InvalidArgument("dpi " + std::to_string(dpi) + " out of range 10..1200");
  try {
    if (!pdf) return Status::Corrupt("Poppler could not open the PDF for rendering");
    if (page_index < 0 || page_index >= pdf->pages()) return Status::InvalidArgument("no page " + std::to_string(page_index + 1));
    std::unique_ptr<poppler::page> page(pdf->create_page(page_index));
    if (!page) return Status::Corrupt("Poppler could not read page " + std::to_string(page_index + 1));
    poppler::page_renderer renderer;
    renderer.set_image_format(color == RenderColor::kRgb ? poppler::image::format_rgb24 : poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffff);
    CaptureStderr capture;
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    std::vector<std::string> printed = capture.Finish();
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
      return Status::Corrupt("Poppler could not render page " + std::to_string(page_index + 1));
    GrayImage out;
    out.width = img.width();
    out.height = img.height();
    out.dpi = dpi;
    for (std::string& line : printed) out.warnings.push_back("render: " + line);
    out.pixels.resize(static_cast<size_t>(out.width) * out.height);
    const char* src = img.const_data();
    const int stride = img.bytes_per_row();
    if (img.format() == poppler::image::format_gray8) {
      for (int y = 0; y < out.height; ++y)
        std::memcpy(&out.pixels[static_cast<size_t>(y) * out.width], src + static_cast<size_t>(y) * stride, out.width);
    } else if (img.format() == poppler::image::format_rgb24) {
      // R G B in memory (Splash's RGB8).
      for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const uint8_t*>(src + static_cast<size_t>(y) * stride);
        for (int x = 0; x < out.width; ++x) {
          const uint8_t* p = row + x * 3;
          out.pixels[static_cast<size_t>(y) * out.width + x] =
              static_cast<uint8_t>((p[0] * 77 + p[1] * 150 + p[2] * 29) >> 8);
        }
      }
    } else {
      // Fallback for Poppler builds that ignore the format request: ARGB32.
      for (int y = 0; y < out.height; ++y) {
        const auto* row = reinterpret_cast<const uint8_t*>(src + static_cast<size_t>(y) * stride);
        for (int x = 0; x < out.width; ++x) {
          const uint8_t* p = row + x * 4;  // B G R A in memory
          out.pixels[static_cast<size_t>(y) * out.width + x] =
              static_cast<uint8_t>((p[0] * 29 + p[1] * 150 + p[2] * 77) >> 8);
        }
      }
    }
    return out;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("Poppler rendering failed: ") + e.what());
  } catch (...) {
    return Status::Internal("Poppler rendering failed");
  }
}

}  // namespace

Result<GrayImage> PdfPageSource::Render(int page_index, int dpi) const {
  std::unique_ptr<poppler::document> pdf;
  try {
    pdf = OpenForRendering(*bytes_);
  } catch (...) {
  }
  return RenderPage(pdf.get(), page_index, dpi, color_);
}

struct PdfPageRenderer::Open {
  std::unique_ptr<poppler::document> pdf;
};

PdfPageRenderer::PdfPageRenderer(std::shared_ptr<const std::string> bytes, RenderColor color)
    : bytes_(std::move(bytes)), color_(color) {}
PdfPageRenderer::~PdfPageRenderer() = default;

Result<GrayImage> PdfPageRenderer::Render(int page_index, int dpi) const {
  if (!open_) {
    open_ = std::make_unique<Open>();
    try {
      open_->pdf = OpenForRendering(*bytes_);
    } catch (...) {
    }
  }
  return RenderPage(open_->pdf.get(), page_index, dpi, color_);
}

Result<std::shared_ptr<const std::string>> LoadDocumentBytes(const Document& doc) {
  std::ifstream in(doc.source_path, std::ios::binary);
  if (!in) return Status::IoError("cannot reopen " + doc.source_path + " for rendering");
  auto bytes = std::make_shared<std::string>();
  std::error_code ec;
  auto size = std::filesystem::file_size(doc.source_path, ec);
  if (ec) return Status::IoError("cannot stat " + doc.source_path);
  if (doc.size_bytes && static_cast<int64_t>(size) != doc.size_bytes)
    return Status::IoError("file changed while being processed");
  bytes->resize(size);
  in.read(bytes->data(), static_cast<std::streamsize>(size));
  if (!in) return Status::IoError("short read of " + doc.source_path);
  return std::shared_ptr<const std::string>(std::move(bytes));
}

}  // namespace finsam
