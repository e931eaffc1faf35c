#include "pipeline/input/pdf_content.h"

#include <glib.h>
#include <poppler.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace finsam {
namespace {

// Area of the union of `boxes` (inside 0..w × 0..h), on a 4-point grid:
// exact enough for "how much of the page is image".
double UnionShare(const std::vector<Box>& boxes, double w, double h) {
  if (boxes.empty() || w <= 0 || h <= 0) return 0;
  constexpr double kCell = 4;
  const int gw = std::max(1, static_cast<int>(w / kCell) + 1), gh = std::max(1, static_cast<int>(h / kCell) + 1);
  std::vector<uint8_t> grid(static_cast<size_t>(gw) * gh, 0);
  for (const Box& b : boxes) {
    int x0 = std::clamp(static_cast<int>(b.x0 / kCell), 0, gw), x1 = std::clamp(static_cast<int>(b.x1 / kCell), 0, gw);
    int y0 = std::clamp(static_cast<int>(b.y0 / kCell), 0, gh), y1 = std::clamp(static_cast<int>(b.y1 / kCell), 0, gh);
    for (int y = y0; y < y1; ++y) std::fill(grid.begin() + static_cast<size_t>(y) * gw + x0, grid.begin() + static_cast<size_t>(y) * gw + x1, 1);
  }
  size_t on = std::count(grid.begin(), grid.end(), uint8_t{1});
  return std::min(1.0, on * kCell * kCell / (w * h));
}

struct GObjectUnref {
  void operator()(gpointer p) const {
    if (p) g_object_unref(p);
  }
};

}  // namespace

std::vector<PageContent> PdfPageContents(const std::string& bytes, int pages) {
  std::vector<PageContent> out(pages > 0 ? pages : 0);
  GBytes* gbytes = g_bytes_new_static(bytes.data(), bytes.size());
  GError* error = nullptr;
  std::unique_ptr<PopplerDocument, GObjectUnref> doc(poppler_document_new_from_bytes(gbytes, nullptr, &error));
  g_bytes_unref(gbytes);  // the document holds its own reference
  if (error) g_error_free(error);
  if (!doc) return out;
  bool type3 = false, ocr_font = false;
  if (PopplerFontInfo* fonts = poppler_font_info_new(doc.get())) {
    PopplerFontsIter* it = nullptr;
    // Scan all pages at once: Type 3 or GlyphLessFont anywhere marks the
    // document.
    if (poppler_font_info_scan(fonts, poppler_document_get_n_pages(doc.get()), &it) && it) {
      do {
        type3 |= poppler_fonts_iter_get_font_type(it) == POPPLER_FONT_TYPE_TYPE3;
        // The full name keeps a subset prefix ("ABCDEF+GlyphLessFont").
        const char* name = poppler_fonts_iter_get_full_name(it);
        ocr_font |= name && std::strstr(name, "GlyphLessFont") != nullptr;
      } while (poppler_fonts_iter_next(it));
      poppler_fonts_iter_free(it);
    }
    poppler_font_info_free(fonts);
  }
  const int n = std::min(pages, poppler_document_get_n_pages(doc.get()));
  for (int i = 0; i < n; ++i) {
    std::unique_ptr<PopplerPage, GObjectUnref> page(poppler_document_get_page(doc.get(), i));
    if (!page) continue;
    PageContent& c = out[i];
    double w = 0, h = 0;
    poppler_page_get_size(page.get(), &w, &h);  // points, /Rotate applied
    GList* list = poppler_page_get_image_mapping(page.get());
    for (GList* l = list; l; l = l->next) {
      const auto* m = static_cast<const PopplerImageMapping*>(l->data);
      Box b{std::min(m->area.x1, m->area.x2), std::min(m->area.y1, m->area.y2), std::max(m->area.x1, m->area.x2),
            std::max(m->area.y1, m->area.y2)};
      b.x0 = std::clamp(b.x0, 0.0, w);
      b.x1 = std::clamp(b.x1, 0.0, w);
      b.y0 = std::clamp(b.y0, 0.0, h);
      b.y1 = std::clamp(b.y1, 0.0, h);
      if (b.width() > 0 && b.height() > 0) c.images.push_back(b);
    }
    poppler_page_free_image_mapping(list);
    c.image_share = UnionShare(c.images, w, h);
    c.type3_fonts = type3;
    c.ocr_text_font = ocr_font;
    c.measured = true;
  }
  return out;
}

}  // namespace finsam
