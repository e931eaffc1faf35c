#include "pipeline/input/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "pipeline/input/line_builder.h"

namespace finsam {
namespace {

// Poppler reports through one global callback. We count messages per text
// (malformed fonts can produce hundreds) instead of letting them reach stderr.
std::mutex g_poppler_mu;
std::map<std::string, int>* g_poppler_msgs = nullptr;

void PopplerDebug(const std::string& msg, void*) {
  std::lock_guard<std::mutex> lock(g_poppler_mu);
  if (g_poppler_msgs) ++(*g_poppler_msgs)[msg];
}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array a = s.to_utf8();
  return std::string(a.begin(), a.end());
}

// Collects Poppler's messages into `msgs` while it lives.
class CapturePopplerMessages {
 public:
  explicit CapturePopplerMessages(std::map<std::string, int>* msgs) {
    std::lock_guard<std::mutex> lock(g_poppler_mu);
    g_poppler_msgs = msgs;
    poppler::set_debug_error_function(PopplerDebug, nullptr);
  }
  ~CapturePopplerMessages() {
    std::lock_guard<std::mutex> lock(g_poppler_mu);
    g_poppler_msgs = nullptr;
  }
};

// Opens `bytes` as a PDF: errors kCorrupt, kEncrypted, kTooLarge.
Status OpenPdf(const std::string& bytes, int max_pages, const std::map<std::string, int>& msgs,
               std::unique_ptr<poppler::document>* out) {
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    std::string why = "Poppler could not open it";
    if (!msgs.empty()) why += " (" + msgs.begin()->first + ")";
    return Status::Corrupt("damaged or truncated PDF: " + why);
  }
  if (pdf->is_locked()) return Status::Encrypted("encrypted PDF (password required)");
  const int n = pdf->pages();
  if (n <= 0) return Status::Corrupt("PDF has no pages");
  if (n > max_pages) return Status::TooLarge("PDF has " + std::to_string(n) + " pages, limit " + std::to_string(max_pages));
  *out = std::move(pdf);
  return Status::Ok();
}

}  // namespace

Status ReadPdf(const std::string& bytes, int max_pages, Document& doc) {
  std::map<std::string, int> msgs;
  CapturePopplerMessages capture(&msgs);
  std::unique_ptr<poppler::document> pdf;
  if (Status st = OpenPdf(bytes, max_pages, msgs, &pdf); !st.ok()) return st;
  const int n = pdf->pages();
  doc.pdf_title = ToUtf8(pdf->info_key("Title"));
  doc.pdf_author = ToUtf8(pdf->info_key("Author"));
  doc.pdf_subject = ToUtf8(pdf->info_key("Subject"));

  int rotated_words = 0, rotated_pages = 0;
  for (int i = 0; i < n; ++i) {
    Page page;
    page.number = i + 1;
    page.unit = BoxUnit::kPoint;
    std::unique_ptr<poppler::page> p(pdf->create_page(i));
    if (!p) {
      doc.warnings.push_back("page " + std::to_string(i + 1) + ": Poppler could not read the page");
      doc.pages.push_back(std::move(page));
      continue;
    }
    // Poppler gives the index as the label when the PDF has no /PageLabels.
    if (std::string label = ToUtf8(p->label()); label != std::to_string(i + 1)) page.label = label;
    poppler::rectf r = p->page_rect(poppler::crop_box);
    page.width = r.width();
    page.height = r.height();
    // Poppler reports the page size before /Rotate; text boxes come rotated.
    if (p->orientation() == poppler::page::landscape || p->orientation() == poppler::page::seascape)
      std::swap(page.width, page.height);
    std::vector<Word> words;
    std::vector<poppler::text_box> boxes = p->text_list();
    // Text set at right angles to the page's own (a signing service's ID
    // printed up the margin): every glyph a word of its own at the left edge,
    // which would join the rows of any table beside it. Only the page's main
    // direction is read; the others are counted in the document's warnings.
    // The main direction by characters, not words: margin text comes one
    // glyph per word and may outnumber a title page's words.
    size_t by_rotation[4] = {0, 0, 0, 0};
    for (const poppler::text_box& tb : boxes) by_rotation[tb.rotation() & 3] += tb.text().size();
    int main_rotation = static_cast<int>(std::max_element(by_rotation, by_rotation + 4) - by_rotation);
    int skipped = 0;
    for (const poppler::text_box& tb : boxes) {
      if (tb.rotation() != main_rotation) {
        ++skipped;
        continue;
      }
      Word w;
      w.raw = ToUtf8(tb.text());
      if (w.raw.empty()) continue;
      w.text = w.raw;
      poppler::rectf b = tb.bbox();
      w.box = Box{b.left(), b.top(), b.right(), b.bottom()};
      w.source = WordSource::kTextLayer;
      w.confidence = 1.0f;
      words.push_back(std::move(w));
    }
    if (skipped) {
      rotated_words += skipped;
      ++rotated_pages;
    }
    BuildLines(std::move(words), page);
    doc.pages.push_back(std::move(page));
  }
  if (rotated_words)
    doc.warnings.push_back(std::to_string(rotated_words) + " words on " + std::to_string(rotated_pages) +
                           " pages set at right angles to the page's text (margin text) not read");
  for (const auto& [msg, count] : msgs) {
    std::string m = "poppler: " + msg;
    if (!m.empty() && m.back() == '\n') m.pop_back();
    if (count > 1) m += " (" + std::to_string(count) + " times)";
    doc.warnings.push_back(m);
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ReadPdfPageTexts(const std::string& bytes, int max_pages) {
  std::map<std::string, int> msgs;
  CapturePopplerMessages capture(&msgs);
  std::unique_ptr<poppler::document> pdf;
  if (Status st = OpenPdf(bytes, max_pages, msgs, &pdf); !st.ok()) return st;
  std::vector<std::string> pages;
  for (int i = 0; i < pdf->pages(); ++i) {
    std::unique_ptr<poppler::page> p(pdf->create_page(i));
    // Not physical_layout (the default), which sets columns side by side.
    pages.push_back(p ? ToUtf8(p->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)) : std::string());
  }
  return pages;
}

}  // namespace finsam
