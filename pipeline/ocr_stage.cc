// Stage "ocr". See ocr_stage.h.
#include "pipeline/ocr_stage.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <exception>
#include <mutex>
#include <optional>
#include <string>

#include "normalizers/swedish_lexicon.h"
#include "normalizers/swedish_number.h"
#include "normalizers/text.h"
#include "normalizers/utf8.h"
#include "pipeline/input/line_builder.h"
#include "pipeline/input/pdf_render.h"
#include "pipeline/ocr/ocr_text.h"
#include "pipeline/ocr_cache.h"
#include "pipeline/page_decision.h"
#include "pipeline/stages.h"

namespace finsam {

namespace {

// A layer with this many valid words, at this share, reads as upright text.
constexpr int kUprightLayerWords = 20;
constexpr double kUprightLayerShare = 0.5;
// OCR replaces a text layer only with more than 1.15 × its valid words + 3.
constexpr double kOcrMoreValid = 1.15;
constexpr int kOcrMoreValidSlack = 3;

// Makes an engine's words safe to use (see OcrPages in ocr_stage.h) for an
// image of width × height pixels; returns "" when nothing had to change,
// else what was done ("2 words with invalid UTF-8 repaired, …").
std::string CleanEngineOutput(OcrPageResult& result, int width, int height) {
  int bad_utf8 = 0, no_box = 0, outside = 0, clamped = 0, bad_conf = 0;
  std::vector<OcrWord> kept;
  kept.reserve(result.words.size());
  for (OcrWord& w : result.words) {
    if (!IsValidUtf8(w.text)) {
      w.text = RepairUtf8(w.text);
      ++bad_utf8;
    }
    if (!(w.confidence >= 0 && w.confidence <= 1)) {  // NaN too
      w.confidence = std::isnan(w.confidence) ? 0.0f : std::clamp(w.confidence, 0.0f, 1.0f);
      ++bad_conf;
    }
    if (!std::isfinite(w.x0) || !std::isfinite(w.y0) || !std::isfinite(w.x1) || !std::isfinite(w.y1)) {
      ++no_box;
      continue;
    }
    if (w.x0 > w.x1) std::swap(w.x0, w.x1);
    if (w.y0 > w.y1) std::swap(w.y0, w.y1);
    if (w.x1 < 0 || w.y1 < 0 || w.x0 > width || w.y0 > height) {
      ++outside;
      continue;
    }
    if (w.x0 < 0 || w.y0 < 0 || w.x1 > width || w.y1 > height) {
      w.x0 = std::max(w.x0, 0.0);
      w.y0 = std::max(w.y0, 0.0);
      w.x1 = std::min(w.x1, static_cast<double>(width));
      w.y1 = std::min(w.y1, static_cast<double>(height));
      ++clamped;
    }
    kept.push_back(std::move(w));
  }
  result.words = std::move(kept);
  std::string note;
  auto add = [&note](int n, const char* what) {
    if (n == 0) return;
    if (!note.empty()) note += ", ";
    note += std::to_string(n) + " " + what;
  };
  add(bad_utf8, "words with invalid UTF-8 repaired");
  add(no_box, "words without a finite box dropped");
  add(outside, "words outside the image dropped");
  add(clamped, "boxes clamped to the image");
  add(bad_conf, "confidences outside 0..1 fixed");
  return note;
}

// True for a one-glyph "word" far narrower than that glyph is ever set: a
// sliver of a table rule or a cell border that Tesseract read as a wide
// figure or letter (a "4" 4 pixels wide and 17 tall at a cell's left edge,
// which became part of the row label "Periodens resultat 4"). Figures 0
// and 2-9 and round letters are at least 0.4 of their height wide in text
// fonts, condensed ones included; thin glyphs (1, i, l, I, j, t, f, r,
// punctuation) are never dropped. `width` and `height` are the word box's
// in the reading frame, in pixels.
bool IsSliverReadAsAGlyph(const std::string& text, double width, double height) {
  if (text.size() != 1) return false;
  static constexpr std::string_view kWideGlyphs = "023456789abcdeghkmnopqsuvwxyzABCDEFGHKLMNOPQRSTUVWXYZ";
  if (kWideGlyphs.find(text[0]) == std::string_view::npos) return false;
  constexpr double kNarrowest = 0.3;  // width / height; every glyph listed is far wider
  return height > 0 && width < kNarrowest * height;
}

}  // namespace

void ApplyOcrResult(const OcrPageResult& result, int image_width, int image_height, Page& page) {
  const double sx = image_width > 0 ? page.width / image_width : 1;
  const double sy = image_height > 0 ? page.height / image_height : 1;
  std::vector<Word> words;
  double conf_sum = 0;
  int conf_n = 0;
  // A fifth of the page's median word height (pixels): a "word" smaller
  // than that each way is a speck, not a glyph.
  double speck = 2;
  {
    std::vector<double> heights;
    for (const OcrWord& ow : result.words)
      if (ow.y1 > ow.y0) heights.push_back(ow.y1 - ow.y0);
    if (!heights.empty()) {
      std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
      speck = std::max(speck, heights[heights.size() / 2] / 5);
    }
  }
  const bool quarter_turn = result.orientation_degrees % 180 != 0;
  // Brackets of a figure OCR split at its thousands space ("(10" "812)"):
  // neighbours on one engine line, less than a word's height apart.
  std::vector<KeptBrackets> kept(result.words.size());
  for (size_t i = 0; i + 1 < result.words.size(); ++i) {
    const OcrWord& a = result.words[i];
    const OcrWord& b = result.words[i + 1];
    if (a.line != b.line || b.x0 < a.x1 || b.x0 - a.x1 > (a.y1 - a.y0)) continue;
    const KeptBrackets k = BracketsAcrossTokens(a.text, b.text);
    kept[i].open = k.open;
    kept[i + 1].close = k.close;
  }
  for (size_t wi = 0; wi < result.words.size(); ++wi) {
    const OcrWord& ow = result.words[wi];
    conf_sum += ow.confidence;
    ++conf_n;
    if (IsBorderDebris(ow.text)) continue;
    std::string text = RepairKindWord(CleanOcrToken(ow.text));
    if (kept[wi].open && !text.starts_with('(')) text.insert(text.begin(), '(');
    if (kept[wi].close && !text.ends_with(')')) text.push_back(')');
    // A rule left on the page (LinesToErase keeps a statement's rules) can
    // come back as a blank "word" spanning the table; as a line of its own
    // it broke the table in two.
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    // A "word" small both ways (Tesseract's reading of a rule's end or a
    // speck: 3×2 pixels among 30-pixel digits) names nothing; as a figure
    // of its own ("2" under a column) it cut a balansräkning short. Thin
    // letters stay: an "i" at 150 dpi may be one pixel wide but is tall, a
    // lone dash ("-" for nil) is flat but wide.
    if (ow.x1 - ow.x0 < speck && ow.y1 - ow.y0 < speck) continue;
    // Text set vertically in the margin (an e-signing service's document
    // key, "Penneo dokumentnyckel: 8LU4J-…", on every page): Tesseract reads
    // it as words far taller than wide. As part of a line it pulled that
    // line's box over the rows beside it and put a table's rows out of
    // order. Three letters or more set horizontally are always wider than
    // tall. Boxes come in the frame of the page as given, so on a page
    // turned a quarter (the engine undid the turn to read it) horizontal
    // text is tall and vertical text wide: compare in the reading frame.
    const double along = quarter_turn ? ow.y1 - ow.y0 : ow.x1 - ow.x0;
    const double across = quarter_turn ? ow.x1 - ow.x0 : ow.y1 - ow.y0;
    if (CodePointCount(text) >= 3 && across > 2 * along) continue;
    if (IsSliverReadAsAGlyph(text, along, across)) continue;
    // Letters read with next to no confidence off a flat scrap (a rule's
    // piece 89 × 3 pixels read "et" at 0.09 among 30-pixel words): as a
    // line of its own it joined a row's label ("Hjo kommun et").
    if (ow.confidence < 0.15f && across < speck && LetterCount(text) > 0 && !HasDigit(text)) continue;
    Word w;
    w.raw = ow.text;
    w.text = std::move(text);
    w.box = Box{ow.x0 * sx, ow.y0 * sy, ow.x1 * sx, ow.y1 * sy};
    w.source = WordSource::kOcr;
    w.confidence = ow.confidence;
    for (const std::string& r : ow.readings) AddReading(w.text, CleanOcrToken(r), &w.readings);
    words.push_back(std::move(w));
  }
  page.unit = BoxUnit::kPoint;
  BuildLines(std::move(words), page);
  page.ocr_confidence = conf_n ? conf_sum / conf_n : -1;
}

void MergeOcrBand(const OcrPageResult& result, int image_width, int image_height, const DamagedBand& band,
                  Page& page) {
  Page ocr = page;
  ApplyOcrResult(result, image_width, image_height, ocr);
  auto inside = [&band](const Word& w) {
    return w.box.cy() >= band.y0 && w.box.cy() <= band.y1 && w.box.cx() >= band.x0 && w.box.cx() <= band.x1;
  };
  std::vector<Word> words;
  for (Line& line : page.lines)
    for (Word& w : line.words)
      if (!inside(w)) words.push_back(std::move(w));
  double sum = 0;
  int n = 0;
  for (Line& line : ocr.lines)
    for (Word& w : line.words)
      if (inside(w)) {
        sum += w.confidence;
        ++n;
        words.push_back(std::move(w));
      }
  BuildLines(std::move(words), page);
  page.ocr_confidence = n ? sum / n : -1;
}

ReadingScore ScoreReading(const Page& page) {
  ReadingScore r;
  std::vector<std::string> alpha;
  for (const Line& line : page.lines)
    for (const Word& w : line.words) {
      const std::string& t = w.text.empty() ? w.raw : w.text;
      bool digit = false, letter = false, bad = false;
      for (unsigned char c : t) {
        digit |= c >= '0' && c <= '9';
        letter |= std::isalpha(c) || c >= 0x80;
      }
      // U+FFFD (EF BF BD) and private-use (EE-EF lead bytes) read as nothing.
      bad = t.find("\xEF\xBF\xBD") != std::string::npos || (!t.empty() && static_cast<unsigned char>(t[0]) == 0xEE);
      if (!digit && !letter) continue;
      ++r.tokens;
      if (digit) {
        ++r.numbers;
        std::string core = t;
        while (!core.empty() && std::string_view("().,;:").find(core.back()) != std::string_view::npos) core.pop_back();
        while (!core.empty() && std::string_view("(").find(core.front()) != std::string_view::npos) core.erase(0, 1);
        if (!bad && ParseSwedishNumber(core)) {
          ++r.parsed;
          ++r.valid;
        }
      } else if (!bad) {
        alpha.push_back(t);
      }
    }
  if (alpha.empty()) return r;
  if (const SwedishLexicon* lex = SwedishLexicon::Shared()) {
    // One-letter words ("i", "å") count as valid; ScoreStrippedText skips them.
    StrippedTextScore sc = ScoreStrippedText(alpha, *lex);
    r.valid += sc.swedish + static_cast<int>(alpha.size()) - sc.words;
  } else {
    for (const std::string& t : alpha) {
      bool ok = true;
      for (size_t i = 1; i + 1 < t.size(); ++i)
        if (t[i] == '&' || (t[i] >= '0' && t[i] <= '9')) ok = false;
      r.valid += ok;
    }
  }
  return r;
}

bool PreferOcrReading(const ReadingScore& layer, const ReadingScore& ocr, int ocr_orientation_degrees,
                      std::string* why) {
  char buf[200];
  std::snprintf(buf, sizeof buf, "text layer %d/%d valid (%.2f), OCR %d/%d valid (%.2f)", layer.valid, layer.tokens,
                layer.share(), ocr.valid, ocr.tokens, ocr.share());
  *why = buf;
  const bool layer_reads = layer.valid >= kUprightLayerWords && layer.share() >= kUprightLayerShare;
  if (ocr_orientation_degrees != 0 && layer_reads) {
    *why += "; OCR turned the page " + std::to_string(ocr_orientation_degrees) + "° against an upright text layer";
    return false;
  }
  // OCR must read clearly more: more valid words and numbers, not only a
  // different share of a similar count.
  return ocr.valid > kOcrMoreValid * layer.valid + kOcrMoreValidSlack;
}

namespace {

// (what, warning text, decision-reason text) for one page.
using PageWarn = std::function<void(const std::string&, const std::string&, const std::string&)>;

// Renders page `index` (0-based), recognizes it (or its damaged table band)
// within the options' per-page deadline and puts the words into `page`.
// An error Status means the page failed and was left as it was.
Status OcrOnePage(const Result<OcrEngine*>& engine, const PageImageSource& source, const OcrRunOptions& options,
                  const std::optional<DamagedBand>& band, int index, Page& page, const PageWarn& warn,
                  std::vector<std::string>* render_warnings) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline =
      options.page_timeout_s > 0
          ? Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.page_timeout_s))
          : Clock::time_point{};
  auto timed_out = [&] { return options.page_timeout_s > 0 && Clock::now() >= deadline; };
  auto timeout_status = [&] {
    char buf[64];
    std::snprintf(buf, sizeof buf, "timed out after %g s", options.page_timeout_s);
    return Status::TooLarge(buf);
  };
  if (!engine.ok()) return engine.status();
  OcrEngine* ocr = engine.value();
  Result<GrayImage> img = source.Render(index, options.dpi);
  if (!img.ok()) return img.status();
  // Messages a library printed while rendering (libjpeg) go to the
  // document's warnings, not to stderr.
  *render_warnings = img->warnings;
  // A table band of a repair page: recognize only the band's rows (plus a
  // margin for the table's outer rules), so the cost follows the band's
  // height, not the page's.
  int crop_top = 0;
  GrayImage band_img;
  const GrayImage* to_read = &*img;
  if (band && page.height > 0) {
    const double px_per_pt = img->height / page.height;
    const double margin_pt = 18;
    crop_top = std::clamp(static_cast<int>((band->y0 - margin_pt) * px_per_pt), 0, img->height);
    int crop_bottom = std::clamp(static_cast<int>((band->y1 + margin_pt) * px_per_pt) + 1, crop_top, img->height);
    band_img.width = img->width;
    band_img.height = crop_bottom - crop_top;
    band_img.dpi = img->dpi;
    band_img.pixels.assign(img->pixels.begin() + static_cast<size_t>(crop_top) * img->width,
                           img->pixels.begin() + static_cast<size_t>(crop_bottom) * img->width);
    to_read = &band_img;
  }
  if (timed_out()) return timeout_status();
  Result<OcrPageResult> res = Result<OcrPageResult>(OcrPageResult{});
  const OcrResultCache cache(options.cache_dir, options.cache_dir.empty() ? "" : ocr->CacheIdentity(), *to_read);
  std::optional<OcrPageResult> cached = cache.Get();
  if (cached) {
    res = std::move(*cached);
  } else if (!to_read->empty()) {
    ocr->SetDeadline(deadline);
    // The deadline is cleared however Recognize ends (an exception too).
    struct ClearDeadline {
      OcrEngine* e;
      ~ClearDeadline() { e->SetDeadline({}); }
    } clear{ocr};
    res = ocr->Recognize(*to_read);
  }
  if (timed_out()) {
    Status st = timeout_status();
    return res.ok() ? st : Status::TooLarge(st.message() + " (" + res.status().message() + ")");
  }
  if (!res.ok()) return res.status();
  if (!cached) cache.Put(*res);
  if (std::string note = CleanEngineOutput(*res, to_read->width, to_read->height); !note.empty())
    warn("OCR output cleaned", note, note);
  if (band) {
    for (OcrWord& w : res->words) {
      w.y0 += crop_top;
      w.y1 += crop_top;
    }
    MergeOcrBand(*res, img->width, img->height, *band, page);
    return Status::Ok();
  }
  // A text layer is compared with OCR's reading before it is replaced.
  bool had_layer = false;
  for (const Line& line : page.lines)
    for (const Word& w : line.words) had_layer |= w.source == WordSource::kTextLayer;
  Page layer = had_layer ? page : Page{};
  ApplyOcrResult(*res, img->width, img->height, page);
  if (had_layer) {
    const ReadingScore layer_score = ScoreReading(layer), ocr_score = ScoreReading(page);
    std::string why;
    const bool prefer_ocr = PreferOcrReading(layer_score, ocr_score, res->orientation_degrees, &why);
    const double conf = page.ocr_confidence;
    if (!prefer_ocr) {
      layer.decision = PageDecision::kText;
      layer.ocr_confidence = conf;
      page = std::move(layer);
    }
    page.text_layer_score = layer_score.share();
    page.ocr_score = ocr_score.share();
    page.decision_reason += "; " + why + (prefer_ocr ? ": OCR kept" : ": text layer kept");
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, " [OCR %d dpi: %zu words, mean confidence %.2f%s%s%s]", options.dpi,
                res->words.size(), page.ocr_confidence,
                res->orientation_degrees ? (", rotated " + std::to_string(res->orientation_degrees) + "°").c_str() : "",
                res->ruling_lines ? (", " + std::to_string(res->ruling_lines) + " ruling lines found, " +
                                     std::to_string(res->cells_rechecked) + " cells re-read").c_str()
                                  : "",
                res->speckles_removed ? (", " + std::to_string(res->speckles_removed) + " specks removed").c_str() : "");
  page.decision_reason += buf;
  return Status::Ok();
}

}  // namespace

Status OcrPages(Document& doc, const PageImageSource& source, OcrPool& pool, const OcrRunOptions& options) {
  // Pages decided "ocr", and "repair" pages with a table band that the old
  // OCR layer garbled (only that band is replaced).
  std::vector<int> todo;
  std::vector<std::optional<DamagedBand>> bands(doc.pages.size());
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    if (p.decision == PageDecision::kOcr) {
      todo.push_back(static_cast<int>(i));
    } else if (p.decision == PageDecision::kRepair && options.reread_damaged_tables &&
               (bands[i] = FindDamagedTableBand(p))) {
      todo.push_back(static_cast<int>(i));
    } else if (p.decision == PageDecision::kText && !p.text_pictures.empty()) {
      // Pictures of print on a text page (a table pasted as a screenshot):
      // their band is read and their words join the text layer's.
      DamagedBand b;
      b.y0 = b.x0 = 1e18;
      b.y1 = b.x1 = -1e18;
      for (const Box& pic : p.text_pictures) {
        b.x0 = std::min(b.x0, pic.x0);
        b.y0 = std::min(b.y0, pic.y0);
        b.x1 = std::max(b.x1, pic.x1);
        b.y1 = std::max(b.y1, pic.y1);
      }
      bands[i] = b;
      todo.push_back(static_cast<int>(i));
    }
  }
  if (todo.empty()) return Status::Ok();
  const int total = static_cast<int>(todo.size());
  if (options.progress) options.progress(0, total);
  std::atomic<int> done{0};
  std::mutex warn_mu;
  std::vector<std::future<void>> futures;
  futures.reserve(todo.size());
  for (int index : todo) {
    Page* page = &doc.pages[index];
    futures.push_back(pool.Submit([&, index, page](Result<OcrEngine*> engine) {
      // The warning names the page and the reason; the page's decision
      // reason says the same for `finsam extract` and v_pages.
      PageWarn warn = [&](const std::string& what, const std::string& warning, const std::string& reason) {
        std::lock_guard<std::mutex> lock(warn_mu);
        doc.warnings.push_back("page " + std::to_string(index + 1) + ": " + what + ": " + warning);
        page->decision_reason += "; " + what + ": " + reason;
      };
      auto fail = [&](const Status& st) { warn("OCR failed", st.ToString(), st.message()); };
      // Nothing an engine does (an error, garbage, an exception, a hang it
      // can be told to stop) gets past this page.
      try {
        std::vector<std::string> render_warnings;
        Status st = OcrOnePage(engine, source, options, bands[index], index, *page, warn, &render_warnings);
        if (!render_warnings.empty()) {
          std::lock_guard<std::mutex> lock(warn_mu);
          for (const std::string& w : render_warnings) AddRenderWarning(doc, index, w);
        }
        if (!st.ok()) fail(st);
      } catch (const std::exception& e) {
        fail(Status::Internal(std::string("OCR engine threw: ") + e.what()));
      } catch (...) {
        fail(Status::Internal("OCR engine threw a non-standard exception"));
      }
      int d = ++done;
      if (options.progress) options.progress(d, total);
    }));
  }
  for (auto& f : futures) f.wait();
  return Status::Ok();
}

Status OcrStage(PipelineContext& ctx) {
  Document& doc = ctx.ex.doc;
  if (doc.format != InputFormat::kPdf) return Status::Ok();
  bool any = false;
  for (const Page& p : doc.pages)
    any |= p.decision == PageDecision::kOcr || p.decision == PageDecision::kRepair || !p.text_pictures.empty();
  if (!any) return Status::Ok();
  Result<std::shared_ptr<const std::string>> bytes = LoadDocumentBytes(doc);
  if (!bytes.ok()) {
    doc.warnings.push_back("OCR skipped: " + bytes.status().ToString());
    return Status::Ok();
  }
  PdfPageSource source(*bytes);
  OcrRunOptions options;
  options.dpi = ctx.options.dpi > 0 ? ctx.options.dpi : 300;
  options.reread_damaged_tables = ctx.options.ocr != OcrPolicy::kNever;
  if (ctx.options.ocr_cache) options.cache_dir = OcrResultCache::DefaultDir();
  options.progress = ctx.options.quiet ? nullptr : ctx.options.progress;
  return OcrPages(doc, source, OcrPool::SharedTesseract(ctx.options.jobs), options);
}

}  // namespace finsam
