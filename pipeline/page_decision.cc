// Stage "decide_pages" and its rules. See page_decision.h.
#include "pipeline/page_decision.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <string_view>
#include <thread>
#include <vector>

#include "extractors/table_grid.h"
#include "normalizers/swedish_lexicon.h"
#include "normalizers/text.h"
#include "normalizers/utf8.h"
#include "pipeline/input/pdf_render.h"
#include "pipeline/ocr/ruling_lines.h"
#include "pipeline/stages.h"

namespace finsam {
namespace {

// Ink is measured on a render at this resolution (a scan page decodes and
// renders in ~10-20 ms at 60 dpi). Lower does not decide: at 40 dpi 10 pt
// text strokes render as light gray and no longer count as dark.
constexpr int kInkDpi = 60;
// A page with a text layer is rendered only when images cover at least this
// share of the page outside the words (UncoveredImageShare).
constexpr double kAmbiguousImageShare = 0.05;
// Below this share of dark pixels a page is blank.
constexpr double kBlankInk = 0.0002;
// A text layer that leaves this much of the page's area as dark ink outside
// its words (and most of the page's ink) does not carry the page's text.
constexpr double kUncoveredInk = 0.008;
constexpr double kUncoveredShare = 0.5;
// Unmappable characters (U+FFFD, private use, controls) above this share.
constexpr double kUnmappableShare = 0.10;
// Lexicon evidence of stripped Swedish that sends a page to repair.
constexpr double kRepairEvidence = 0.35;
// A layer whose words are mostly neither Swedish nor restorable is too
// damaged to repair (only judged with the lexicon and enough words).
constexpr double kDamagedShare = 0.55;

constexpr const char* kOcrNeverPrefix = "--ocr never; would OCR: ";

// A picture on a page kept as text is read by OCR when it covers this share
// of the page or more (a logo covers less) ...
constexpr double kTextPictureMinArea = 0.03;
// ... and is print: strokes no word covers make 2 % of its area or more,
// and most of its dark pixels (two in five at least): a photograph's dark
// areas are filled, not strokes. Measured at 60 dpi: a pasted table
// screenshot 5.1 % strokes of 6.5 % ink (w28); the brf covers' photos 3.8
// % of 28 %, 3.3 % of 72 %, 1.5 % of 64 %; a brf page's drawing 0.6 % of
// 0.7 %, its banners 0.08 % of 3.6 %.
bool TextPicture(double strokes, double ink) { return strokes >= 0.02 && strokes >= 0.4 * ink; }

bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool IsSvDiacritic(char32_t c) {
  return c == U'å' || c == U'ä' || c == U'ö' || c == U'Å' || c == U'Ä' || c == U'Ö';
}
bool IsGarbleGlyph(char32_t c) { return c == U'é' || c == U'6' || c == U'&' || c == U'4'; }

// Stripped forms of frequent Swedish words that are not words themselves:
// the fallback evidence when the lexicon is not installed.
bool IsKnownStripped(const std::string& lower) {
  static constexpr std::string_view kWords[] = {
      "ar", "pa", "fran", "nar", "aven", "ocksa", "forbundet", "forbundets", "arbetsformedlingen",
      "forsakringskassan", "mal", "malet", "malgrupp", "halsa", "lan", "lanet", "lans", "tjanster",
      "manniskor", "mojlighet", "okad", "okat", "forutsattningar", "sarskilt", "overens", "foljande",
      "genomfors", "forvaltning", "arets", "ovriga", "intakter", "forbrukade", "forsorjning", "sjalv"};
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return false;
}

}  // namespace

TextLayerSignals AnalyzeTextLayer(const Page& page) {
  TextLayerSignals s;
  std::vector<std::string> tokens;
  for (const Line& line : page.lines) {
    for (const Word& w : line.words) {
      const std::string& t = w.text.empty() ? w.raw : w.text;
      int letters = 0, alnum = 0;
      bool diacritic = false, garble = false;
      std::string lower;
      char32_t prev = 0;
      size_t i = 0;
      std::vector<char32_t> cps;
      while (i < t.size()) cps.push_back(NextCodePoint(t, &i));
      for (size_t k = 0; k < cps.size(); ++k) {
        char32_t c = cps[k];
        ++s.chars;
        if (c == kReplacementChar || (c >= 0xE000 && c <= 0xF8FF) || (c < 0x20 && c != '\t')) ++s.unmappable;
        if (IsLetter(c)) ++letters;
        if (IsLetter(c) || (c >= '0' && c <= '9')) ++alnum;
        if (IsSvDiacritic(c)) diacritic = true;
        // A garble glyph inside a word ("6ver", "f&r", "férbundet"), or a
        // digit glyph starting a word that goes on in letters.
        bool next_letter = k + 1 < cps.size() && IsLetter(cps[k + 1]);
        if (IsGarbleGlyph(c) && next_letter && (IsLetter(prev) || k == 0 || c == U'é')) garble = true;
        prev = c;
        if (c < 0x80) lower += static_cast<char>(std::tolower(static_cast<int>(c)));
      }
      if (alnum > 0) ++s.words;
      if (letters >= 2) {
        ++s.alpha_words;
        if (diacritic) ++s.with_diacritics;
        if (garble) ++s.garbled;
        std::string core;
        for (char ch : lower)
          if (ch >= 'a' && ch <= 'z') core += ch;
        if (!diacritic && IsKnownStripped(core)) ++s.stripped;
      }
      tokens.push_back(t);
    }
  }
  // A layer whose words carry å/ä/ö as Swedish prose does, with no garbled
  // glyphs and no known stripped forms, needs no lexicon to be judged good:
  // skipping it keeps born-digital PDFs from paying the lexicon's load time.
  // (A stray é inside a word — "idéer" — among many å/ä/ö is not stripping:
  // a stripped layer has next to no å/ä/ö at all.)
  const bool plainly_good =
      (s.alpha_words < 5 && s.garbled == 0 && s.stripped == 0) ||
      (s.with_diacritics >= 3 && s.with_diacritics * 20 >= s.alpha_words && s.garbled * 10 <= s.with_diacritics &&
       s.stripped * 10 <= s.with_diacritics);
  if (plainly_good) return s;
  if (const SwedishLexicon* lex = SwedishLexicon::Shared()) {
    StrippedTextScore score = ScoreStrippedText(tokens, *lex);
    s.lexicon = true;
    s.evidence = score.evidence;
    s.stripped = std::max(s.stripped, score.restorable);
    s.garbled = std::max(s.garbled, score.garbled);
    s.with_diacritics = std::max(s.with_diacritics, score.with_diacritics);
    // Words neither valid nor restorable: the share that no repair can fix.
    if (score.words >= 40)
      s.junk_share = 1.0 - static_cast<double>(score.swedish + score.restorable) / score.words;
  }
  return s;
}

PageInk MeasureInk(const GrayImage& image, const Page& page, const std::vector<Box>* regions) {
  PageInk ink;
  if (image.empty() || page.width <= 0 || page.height <= 0) return ink;
  GrayImage img = image;
  // Table borders are ink that no word covers: erase them first.
  EraseRulingLines(FindRulingLines(img), img);
  const double sx = img.width / page.width, sy = img.height / page.height;
  auto fill = [&](std::vector<uint8_t>& mask, const Box& b, double pad) {
    int x0 = std::max(0, static_cast<int>((b.x0 - pad) * sx));
    int x1 = std::min(img.width, static_cast<int>((b.x1 + pad) * sx) + 1);
    int y0 = std::max(0, static_cast<int>((b.y0 - pad) * sy));
    int y1 = std::min(img.height, static_cast<int>((b.y1 + pad) * sy) + 1);
    if (x0 >= x1) return;
    for (int y = y0; y < y1; ++y)
      std::fill(mask.begin() + static_cast<size_t>(y) * img.width + x0,
                mask.begin() + static_cast<size_t>(y) * img.width + x1, uint8_t{1});
  };
  std::vector<uint8_t> covered(img.pixels.size(), 0);
  for (const Line& line : page.lines)
    for (const Word& w : line.words) fill(covered, w.box, 3.0);  // 3 pt around each word box
  std::vector<uint8_t> inside;
  if (regions) {
    inside.assign(img.pixels.size(), 0);
    for (const Box& b : *regions) fill(inside, b, 0);
  }
  // Text strokes are thin: a dark run along a row no longer than ~4 pt.
  // Photographs, filled shapes and shaded cells make long runs.
  const int max_run = std::max(2, static_cast<int>(4.0 * sx + 0.5));
  size_t dark = 0, outside = 0;
  for (int y = 0; y < img.height; ++y) {
    const size_t row = static_cast<size_t>(y) * img.width;
    int x = 0;
    while (x < img.width) {
      if (img.pixels[row + x] >= 128) {
        ++x;
        continue;
      }
      int end = x;
      while (end < img.width && img.pixels[row + end] < 128) ++end;
      const bool thin = end - x <= max_run;
      for (int k = x; k < end; ++k) {
        if (regions && !inside[row + k]) continue;
        ++dark;
        if (thin && !covered[row + k]) ++outside;
      }
      x = end;
    }
  }
  const double n = static_cast<double>(img.pixels.size());
  ink.measured = true;
  ink.ink = dark / n;
  ink.uncovered = outside / n;
  return ink;
}

double UncoveredImageShare(const PageContent& content, const Page& page) {
  if (content.images.empty() || page.width <= 0 || page.height <= 0) return 0;
  constexpr double kCell = 4;  // points
  constexpr double kPad = 8;   // points around each word: gaps between lines and words are covered
  const int gw = static_cast<int>(page.width / kCell) + 1, gh = static_cast<int>(page.height / kCell) + 1;
  std::vector<uint8_t> grid(static_cast<size_t>(gw) * gh, 0);
  auto mark = [&](const Box& b, double pad, uint8_t from, uint8_t to) {
    int x0 = std::clamp(static_cast<int>((b.x0 - pad) / kCell), 0, gw);
    int x1 = std::clamp(static_cast<int>((b.x1 + pad) / kCell), 0, gw);
    int y0 = std::clamp(static_cast<int>((b.y0 - pad) / kCell), 0, gh);
    int y1 = std::clamp(static_cast<int>((b.y1 + pad) / kCell), 0, gh);
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) {
        uint8_t& g = grid[static_cast<size_t>(y) * gw + x];
        if (g == from) g = to;
      }
  };
  for (const Box& b : content.images) mark(b, 0, 0, 1);
  for (const Line& line : page.lines)
    for (const Word& w : line.words) mark(w.box, kPad, 1, 2);
  const size_t uncovered = std::count(grid.begin(), grid.end(), uint8_t{1});
  return std::min(1.0, uncovered * kCell * kCell / (page.width * page.height));
}

namespace {

// A number token with glyphs that a table border leaves in an OCR layer.
bool IsDamagedNumber(const std::string& t) {
  if (!HasDigit(t)) return false;
  if (t.find('|') != std::string::npos || t.find('[') != std::string::npos || t.find(']') != std::string::npos)
    return true;
  // "4443/4443", "11 073/|8": a slash between digits; "(2020" without ")".
  for (size_t i = 1; i + 1 < t.size(); ++i)
    if (t[i] == '/' && std::isdigit(static_cast<unsigned char>(t[i - 1])) && std::isdigit(static_cast<unsigned char>(t[i + 1])))
      return true;
  if (t.front() == '/' || t.back() == '/') return true;
  if (t.front() == '(' && t.find(')') == std::string::npos) return true;
  return false;
}

bool IsNumberToken(const std::string& t) {
  int digits = 0, other = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c != ' ' && c != ',' && c != '.' && c != '-' && c != '%') ++other;
  }
  return digits > 0 && digits >= other;
}

}  // namespace

std::optional<DamagedBand> FindDamagedTableBand(const Page& page) {
  if (page.unit != BoxUnit::kPoint) return std::nullopt;
  struct Row {
    double y0, y1;
    int numbers = 0, damaged = 0, words = 0;
    // A table row: mostly numbers (prose with two years in it is not).
    bool table_like() const { return damaged > 0 || (numbers >= 1 && numbers * 4 >= words); }
  };
  std::vector<Row> rows;
  for (const Line& line : page.lines) {
    Row r{line.box.y0, line.box.y1};
    r.words = static_cast<int>(line.words.size());
    for (const Word& w : line.words) {
      const std::string& t = w.raw.empty() ? w.text : w.raw;
      if (IsDamagedNumber(t)) ++r.damaged;
      if (IsNumberToken(t) || IsDamagedNumber(t)) ++r.numbers;
    }
    rows.push_back(r);
  }
  // Clusters of consecutive table-like rows (>= 2 numbers, or a damaged one);
  // rows without numbers (wrapped labels) may sit inside a cluster.
  std::optional<DamagedBand> best;
  size_t i = 0;
  while (i < rows.size()) {
    if (!rows[i].table_like()) {
      ++i;
      continue;
    }
    DamagedBand band{rows[i].y0, rows[i].y1, 0};
    double line_h = std::max(4.0, rows[i].y1 - rows[i].y0);
    size_t j = i;
    size_t last = i;
    while (j < rows.size()) {
      const Row& r = rows[j];
      if (r.y0 - band.y1 > 6 * line_h) break;
      if (r.table_like()) {
        band.y1 = std::max(band.y1, r.y1);
        band.damaged_numbers += r.damaged;
        last = j;
      }
      ++j;
    }
    if (band.damaged_numbers >= 1 && (!best || band.damaged_numbers > best->damaged_numbers)) {
      band.y0 -= line_h / 2;
      band.y1 += line_h / 2;
      best = band;
    }
    i = last + 1;
  }
  return best;
}

PageVerdict DecidePage(const TextLayerSignals& t, const PageInk& ink, bool ocr_text_layer, OcrPolicy policy) {
  char buf[256];
  auto verdict = [](PageDecision d, std::string r) { return PageVerdict{d, std::move(r)}; };
  if (policy == OcrPolicy::kAlways) return verdict(PageDecision::kOcr, "--ocr always");
  PageVerdict v;
  // 1. No text layer.
  if (t.words == 0) {
    if (ink.measured && ink.ink < kBlankInk) {
      std::snprintf(buf, sizeof buf, "blank page: no text layer, ink %.2f%% of the page", ink.ink * 100);
      v = verdict(PageDecision::kEmpty, buf);
    } else if (ink.measured) {
      std::snprintf(buf, sizeof buf, "no text layer; ink %.1f%% of the page", ink.ink * 100);
      v = verdict(PageDecision::kOcr, buf);
    } else {
      v = verdict(PageDecision::kOcr, "no text layer");
    }
  } else if (t.chars > 0 && static_cast<double>(t.unmappable) / t.chars > kUnmappableShare) {
    // 2. Text that cannot be mapped to characters (fonts without ToUnicode).
    std::snprintf(buf, sizeof buf, "text layer cannot be mapped to characters: %d of %d unmappable", t.unmappable,
                  t.chars);
    v = verdict(PageDecision::kOcr, buf);
  } else if (ink.measured && ink.uncovered > kUncoveredInk && ink.uncovered > kUncoveredShare * ink.ink) {
    // 3. Too little text for the page's ink.
    std::snprintf(buf, sizeof buf, "too little text for the ink: %.0f%% of the ink lies outside the %d words",
                  100 * ink.uncovered / std::max(ink.ink, 1e-9), t.words);
    v = verdict(PageDecision::kOcr, buf);
  } else if (t.lexicon && t.alpha_words >= 40 && t.junk_share > kDamagedShare) {
    // 4. A layer too damaged to repair.
    std::snprintf(buf, sizeof buf, "text layer too damaged to repair: %.0f%% of %d words unknown even after restoring letters",
                  100 * t.junk_share, t.alpha_words);
    v = verdict(PageDecision::kOcr, buf);
  } else {
    // 5. Stripped diacritics → repair.
    const int damage = t.stripped + t.garbled;
    const bool few_diacritics = t.with_diacritics * 5 < std::max(damage, 1);
    if (t.lexicon && t.evidence >= kRepairEvidence) {
      std::snprintf(buf, sizeof buf,
                    "stripped diacritics: evidence %.2f (%d of %d words with å/ä/ö, %d restorable, %d garbled)",
                    t.evidence, t.with_diacritics, t.alpha_words, t.stripped, t.garbled);
      v = verdict(PageDecision::kRepair, buf);
    } else if (damage >= 3 && few_diacritics) {
      std::snprintf(buf, sizeof buf, "stripped diacritics: %d of %d words with å/ä/ö, %d stripped, %d garbled",
                    t.with_diacritics, t.alpha_words, t.stripped, t.garbled);
      v = verdict(PageDecision::kRepair, buf);
    } else if (ocr_text_layer && t.with_diacritics == 0 && t.alpha_words > 0) {
      std::snprintf(buf, sizeof buf, "OCR text layer (GlyphLessFont) without any å/ä/ö in %d words", t.alpha_words);
      v = verdict(PageDecision::kRepair, buf);
    } else {
      std::snprintf(buf, sizeof buf, "text layer good: %d words, %d with å/ä/ö", t.words, t.with_diacritics);
      v = verdict(PageDecision::kText, buf);
    }
  }
  if (policy == OcrPolicy::kNever && v.decision == PageDecision::kOcr) {
    v.decision = t.words > 0 ? PageDecision::kText : PageDecision::kEmpty;
    v.reason = kOcrNeverPrefix + v.reason;
  }
  return v;
}

void AddRenderWarning(Document& doc, int page_index, const std::string& warning) {
  const std::string w = "page " + std::to_string(page_index + 1) + ": " + warning;
  if (std::find(doc.warnings.begin(), doc.warnings.end(), w) == doc.warnings.end()) doc.warnings.push_back(w);
}

Status DecidePagesStage(PipelineContext& ctx) {
  Document& doc = ctx.ex.doc;
  if (doc.format != InputFormat::kPdf) {
    for (Page& page : doc.pages) {
      page.decision = PageDecision::kText;
      page.decision_reason = "plain text input (the repair stage judges stripped text itself)";
    }
    return Status::Ok();
  }
  if (ctx.options.ocr == OcrPolicy::kAlways) {
    for (Page& page : doc.pages) {
      page.decision = PageDecision::kOcr;
      page.decision_reason = "--ocr always";
    }
    return Status::Ok();
  }
  // One pass over the document for the evidence: a single poppler-glib open
  // lists every page's images and scans the fonts once (Type 3,
  // GlyphLessFont). Renders reuse one poppler-cpp document per worker.
  Result<std::shared_ptr<const std::string>> bytes = LoadDocumentBytes(doc);
  std::vector<PageContent> contents;
  if (bytes.ok()) {
    contents = PdfPageContents(**bytes, doc.page_count());
  } else {
    doc.warnings.push_back("page decision without ink measurement: " + bytes.status().ToString());
  }
  contents.resize(doc.pages.size());
  bool ocr_layer_doc = false;
  for (const PageContent& c : contents) ocr_layer_doc |= c.ocr_text_font;
  // Evidence before rendering: the text layer's signals and the page's
  // images (both without rasterizing). Only two kinds of page are rendered,
  // at kInkDpi: pages without a text layer (blank or not), and pages with
  // images that the text layer's words leave partly uncovered (a scan under
  // a partial layer, a picture of text). There the ink is counted inside the
  // images only. Vector graphics and shaded cells are never rendered for.
  const size_t n = doc.pages.size();
  std::vector<TextLayerSignals> texts(n);
  std::vector<double> uncovered_images(n, 0);
  std::vector<char> render(n, 0);
  for (size_t i = 0; i < n; ++i) {
    texts[i] = AnalyzeTextLayer(doc.pages[i]);
    const PageContent& c = contents[i];
    if (texts[i].words == 0 || !c.measured) {
      render[i] = 1;
    } else {
      uncovered_images[i] = UncoveredImageShare(c, doc.pages[i]);
      render[i] = uncovered_images[i] >= kAmbiguousImageShare;
    }
  }
  std::vector<PageInk> inks(n);
  std::vector<std::vector<std::string>> render_warnings(n);
  std::vector<std::vector<Box>> pictures(n);  // pictures of print on text pages
  if (bytes.ok()) {
    std::atomic<size_t> next{0};
    auto work = [&]() {
      // RGB: ICC-based photos convert row by row (pdf_render.h), several
      // times cheaper than Poppler's per-pixel gray path.
      PdfPageRenderer renderer(*bytes, RenderColor::kRgb);
      for (size_t i = next++; i < n; i = next++) {
        if (!render[i]) continue;
        Result<GrayImage> img = renderer.Render(static_cast<int>(i), kInkDpi);
        if (!img.ok()) continue;
        const PageContent& c = contents[i];
        // Pages with a text layer: ink inside the images only.
        const bool in_images = texts[i].words > 0 && c.measured;
        inks[i] = MeasureInk(*img, doc.pages[i], in_images ? &c.images : nullptr);
        // Each picture of some size on such a page: the share of its area
        // that is strokes of print no word covers (TextPicture).
        if (in_images) {
          const Page& page = doc.pages[i];
          for (const Box& b : c.images) {
            const double area = b.width() * b.height() / (page.width * page.height);
            if (area < kTextPictureMinArea) continue;
            const std::vector<Box> one = {b};
            const PageInk pi = MeasureInk(*img, page, &one);
            if (pi.measured && TextPicture(pi.uncovered / area, pi.ink / area)) pictures[i].push_back(b);
            if (std::getenv("FINSAM_PICTURE_DEBUG"))  // debugging aid: the measures of each picture
              std::fprintf(stderr, "picture p%zu %.0f,%.0f-%.0f,%.0f area %.3f strokes %.4f ink %.4f\n", i + 1, b.x0,
                           b.y0, b.x1, b.y1, area, pi.uncovered / area, pi.ink / area);
          }
        }
        render_warnings[i] = std::move(img->warnings);
      }
    };
    size_t to_render = std::count(render.begin(), render.end(), 1);
    int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    int threads = std::min<int>(ctx.options.jobs > 0 ? ctx.options.jobs : hw, static_cast<int>(to_render));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    if (to_render > 0) work();
    for (std::thread& t : pool) t.join();
  }
  for (size_t i = 0; i < n; ++i)
    for (const std::string& w : render_warnings[i]) AddRenderWarning(doc, static_cast<int>(i), w);
  for (size_t i = 0; i < n; ++i) {
    Page& page = doc.pages[i];
    const TextLayerSignals& text = texts[i];
    const PageInk& ink = inks[i];
    // Poppler lists a shared font only on the first page that uses it, so the
    // OCR-layer font is judged for the whole document.
    const bool ocr_layer = ocr_layer_doc;
    PageVerdict v = DecidePage(text, ink, ocr_layer, ctx.options.ocr);
    if (v.decision == PageDecision::kRepair && ctx.options.ocr != OcrPolicy::kNever) {
      if (std::optional<DamagedBand> band = FindDamagedTableBand(page)) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "; table at y %.0f-%.0f pt has %d numbers garbled by borders: re-read by OCR",
                      band->y0, band->y1, band->damaged_numbers);
        v.reason += buf;
      }
    }
    if (texts[i].words > 0 && contents[i].measured) {
      char buf[200];
      if (!inks[i].measured) {
        std::snprintf(buf, sizeof buf, " (not rendered: images %.0f%% of the page, %.0f%% outside the words)",
                      100 * contents[i].image_share, 100 * uncovered_images[i]);
      } else {
        std::snprintf(buf, sizeof buf, " (rendered at %d dpi: images %.0f%% of the page, %.0f%% outside the words)",
                      kInkDpi, 100 * contents[i].image_share, 100 * uncovered_images[i]);
      }
      v.reason += buf;
    }
    page.text_pictures.clear();
    if (v.decision == PageDecision::kText && ctx.options.ocr != OcrPolicy::kNever && !pictures[i].empty()) {
      page.text_pictures = pictures[i];
      char buf[120];
      std::snprintf(buf, sizeof buf, "; %zu picture%s of print (a pasted table?) read by OCR", pictures[i].size(),
                    pictures[i].size() == 1 ? "" : "s");
      v.reason += buf;
    }
    page.ocr_skipped = v.reason.rfind(kOcrNeverPrefix, 0) == 0;
    page.decision = v.decision;
    page.decision_reason = std::move(v.reason);
  }
  return Status::Ok();
}

}  // namespace finsam
