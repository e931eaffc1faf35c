// Real-OCR tests (CTest label "ocr"): Tesseract with the swe model on the
// corpus scans. They assert facts, not exact OCR text, so they do not depend
// on the exact Tesseract build. Kept few and targeted: the two plans have 7
// pages each (≈ 20 s of OCR per scan on 2 cores); the sandwich PDFs OCR only
// their garbled table bands.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/input/pdf_render.h"
#include "pipeline/ocr/ocr_engine.h"
#include "pipeline/ocr/tesseract_engine.h"
#include "pipeline/pipeline.h"
#include "tests/support/realdocs.h"

namespace finsam {
namespace {

const std::string kCorpus = std::string(FINSAM_SOURCE_DIR) + "/corpus/";

Result<Extraction> Extract(const std::string& path) {
  PipelineOptions opts;
  opts.ocr = OcrPolicy::kAuto;
  opts.quiet = true;
  return RunPipeline(path, opts);
}

// One budget fact per present cell of every "budget" table: what the
// database's facts are made of.
std::set<std::string> BudgetFacts(const Extraction& ex) {
  std::set<std::string> facts;
  for (const FinancialTable& t : ex.tables) {
    if (t.table_kind != "budget") continue;
    for (const TableRow& r : t.rows) {
      if (r.is_header) continue;
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableCell& cell = r.cells[c];
        if (!cell.present) continue;
        std::ostringstream f;
        f << r.label << " | " << r.category.value_or("-") << " | " << t.columns[c].year << " "
          << ColumnKindName(t.columns[c].kind) << " | " << cell.amount_sek;
        facts.insert(f.str());
      }
    }
  }
  return facts;
}

std::string Difference(const std::set<std::string>& want, const std::set<std::string>& got) {
  std::string out;
  for (const std::string& f : want)
    if (!got.count(f)) out += "  missing: " + f + "\n";
  for (const std::string& f : got)
    if (!want.count(f)) out += "  extra:   " + f + "\n";
  return out;
}

class SameBudgetFacts : public ::testing::TestWithParam<const char*> {};

TEST_P(SameBudgetFacts, ScanAndSandwichMatchText) {
  const std::string doc = GetParam();
  Result<Extraction> text = Extract(kCorpus + doc + "/text.pdf");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  std::set<std::string> want = BudgetFacts(*text);
  ASSERT_GE(want.size(), 25u) << "the text.pdf budget table should give the reference facts";
  for (const char* form : {"scan", "sandwich"}) {
    SCOPED_TRACE(form);
    Result<Extraction> ex = Extract(kCorpus + doc + "/" + form + ".pdf");
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    std::set<std::string> got = BudgetFacts(*ex);
    EXPECT_EQ(want, got) << doc << "/" << form << ".pdf differs from text.pdf:\n" << Difference(want, got);
    // Decisions survive the OCR stage; OCR pages carry a confidence.
    for (const Page& p : ex->doc.pages) {
      if (p.number == 1) continue;  // the blank cover
      PageDecision expect = std::string(form) == "scan" ? PageDecision::kOcr : PageDecision::kRepair;
      EXPECT_EQ(p.decision, expect) << "page " << p.number << ": " << p.decision_reason;
      if (expect == PageDecision::kOcr) {
        EXPECT_GT(p.ocr_confidence, 0.8) << "page " << p.number;
        EXPECT_FALSE(p.lines.empty());
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, SameBudgetFacts, ::testing::Values("jamtland-vp-2019", "gavleborg-vp-2020"));

// The budget page (page 6) of the Jämtland scan.
Result<GrayImage> RenderJamtlandBudgetPage(int dpi) {
  Document doc;
  doc.source_path = kCorpus + "jamtland-vp-2019/scan.pdf";
  Result<std::shared_ptr<const std::string>> bytes = LoadDocumentBytes(doc);
  if (!bytes.ok()) return bytes.status();
  return PdfPageSource(*bytes).Render(5, dpi);
}

// Orientation: the budget page of the Jämtland scan turned 90° clockwise is
// detected, turned back, and its words are mapped to the turned image.
TEST(TesseractEngine, DetectsQuarterTurnAndMapsBoxesBack) {
  Result<GrayImage> img = RenderJamtlandBudgetPage(200);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  // Keep the lower part (the budget table) to save time.
  GrayImage part;
  part.dpi = img->dpi;
  part.width = img->width;
  part.height = img->height / 2;
  const int top = img->height - part.height;
  part.pixels.assign(img->pixels.begin() + static_cast<size_t>(top) * img->width, img->pixels.end());
  // Turn clockwise: (x, y) → (H − 1 − y, x).
  GrayImage turned;
  turned.dpi = part.dpi;
  turned.width = part.height;
  turned.height = part.width;
  turned.pixels.resize(part.pixels.size());
  for (int y = 0; y < part.height; ++y)
    for (int x = 0; x < part.width; ++x)
      turned.pixels[static_cast<size_t>(x) * turned.width + (part.height - 1 - y)] = part.at(x, y);

  auto engine = MakeTesseractEngine();
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  Result<OcrPageResult> upright = (*engine)->Recognize(part);
  Result<OcrPageResult> rot = (*engine)->Recognize(turned);
  ASSERT_TRUE(upright.ok() && rot.ok());
  EXPECT_EQ(upright->orientation_degrees, 0);
  EXPECT_NE(rot->orientation_degrees, 0);
  auto find = [](const OcrPageResult& r, const std::string& t) -> const OcrWord* {
    for (const OcrWord& w : r.words)
      if (w.text == t) return &w;
    return nullptr;
  };
  for (const char* word : {"Personalkostnader", "Kommunerna"}) {
    SCOPED_TRACE(word);
    const OcrWord* a = find(*upright, word);
    const OcrWord* b = find(*rot, word);
    ASSERT_NE(a, nullptr);
    ASSERT_NE(b, nullptr);
    // Upright box (x0..x1, y0..y1) lands at x ∈ [H − y1, H − y0], y ∈ [x0, x1].
    EXPECT_NEAR(b->x0, part.height - a->y1, 12);
    EXPECT_NEAR(b->x1, part.height - a->y0, 12);
    EXPECT_NEAR(b->y0, a->x0, 12);
    EXPECT_NEAR(b->y1, a->x1, 12);
  }
}

// Robustness on real scans (ocrmypdf's test files), when present: every page
// is OCRed without error and gives words.
TEST(RealScans, SkewedAndJbig2PagesGiveWords) {
  const std::string dir = RealDocsDir() + "/scans-ocrmypdf/";
  if (RealDocsDir().empty() || !std::filesystem::exists(dir + "skew.pdf")) GTEST_SKIP() << "real scans not present";
  for (const char* f : {"skew.pdf", "jbig2.pdf"}) {
    SCOPED_TRACE(f);
    Result<Extraction> ex = Extract(dir + f);
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    ASSERT_FALSE(ex->doc.pages.empty());
    for (const Page& p : ex->doc.pages) {
      EXPECT_EQ(p.decision, PageDecision::kOcr) << p.decision_reason;
      size_t words = 0;
      for (const Line& l : p.lines) words += l.words.size();
      EXPECT_GT(words, 20u);
      EXPECT_GT(p.ocr_confidence, 0.6);
    }
    for (const std::string& w : ex->doc.warnings) EXPECT_EQ(w.find("OCR failed"), std::string::npos) << w;
  }
}

// ocrmypdf's cardinal.pdf: the same page four times, turned 0°, 90°, 180°
// and 270°. Every turn is detected and undone, and all four read alike.
TEST(RealScans, CardinalRotationsReadAlike) {
  const std::string path = RealDocsDir() + "/scans-ocrmypdf/cardinal.pdf";
  if (RealDocsDir().empty() || !std::filesystem::exists(path)) GTEST_SKIP() << "real scans not present";
  Result<Extraction> ex = Extract(path);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  ASSERT_EQ(ex->doc.pages.size(), 4u);
  std::set<int> turns;
  std::vector<size_t> counts;
  for (const Page& p : ex->doc.pages) {
    size_t words = 0;
    for (const Line& l : p.lines) words += l.words.size();
    counts.push_back(words);
    EXPECT_GT(p.ocr_confidence, 0.85) << p.decision_reason;
    size_t at = p.decision_reason.find("rotated ");
    turns.insert(at == std::string::npos ? 0 : std::stoi(p.decision_reason.substr(at + 8)));
  }
  EXPECT_EQ(turns, (std::set<int>{0, 90, 180, 270}));
  for (size_t c : counts) EXPECT_NEAR(static_cast<double>(c), static_cast<double>(counts[0]), counts[0] * 0.03);
}

// Per-page deadline (issue 13): Tesseract stops recognizing at the deadline
// given through OcrEngine::SetDeadline (its ETEXT_DESC monitor) instead of
// finishing the page, and the engine works normally once it is cleared.
TEST(TesseractEngine, StopsAtTheDeadline) {
  Result<GrayImage> img = RenderJamtlandBudgetPage(150);  // 150 dpi: the page is read three times
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  TesseractOptions options;
  options.detect_orientation = false;
  auto engine = MakeTesseractEngine(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();

  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  Result<OcrPageResult> whole = (*engine)->Recognize(*img);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  const double full = std::chrono::duration<double>(Clock::now() - t0).count();

  (*engine)->SetDeadline(Clock::now() + std::chrono::milliseconds(static_cast<int>(full * 1000 / 10)));
  const auto t1 = Clock::now();
  Result<OcrPageResult> cut = (*engine)->Recognize(*img);
  const double stopped = std::chrono::duration<double>(Clock::now() - t1).count();
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("deadline"), std::string::npos) << cut.status().ToString();
  EXPECT_LT(stopped, full / 2) << "full page " << full << " s";

  (*engine)->SetDeadline({});
  Result<OcrPageResult> again = (*engine)->Recognize(*img);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->words.empty());
}

// What the OCR cache keys on (pipeline/ocr_cache.h): the same build, model
// and options give the same identity; another option gives another; the
// identity names the Tesseract version, the model file and this build's
// OCR code.
TEST(TesseractEngine, CacheIdentityNamesVersionModelOptionsAndCode) {
  auto a = MakeTesseractEngine();
  auto b = MakeTesseractEngine();
  TesseractOptions other;
  other.recheck_cells = false;
  auto c = MakeTesseractEngine(other);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  const std::string id = (*a)->CacheIdentity();
  EXPECT_EQ(id, (*b)->CacheIdentity());
  EXPECT_NE(id, (*c)->CacheIdentity());
  EXPECT_NE(id.find(TesseractVersion()), std::string::npos) << id;
  EXPECT_NE(id.find("swe.traineddata"), std::string::npos) << id;
  const std::string code = OcrCodeFingerprint();
  EXPECT_EQ(code.size(), 64u);
  EXPECT_EQ(code.find_first_not_of("0123456789abcdef"), std::string::npos) << code;
  EXPECT_NE(id.find(code), std::string::npos) << id;
}

// Page 1 of a scan under tests/data/ rendered at 300 dpi, as the OCR stage
// does, and read by the engine.
Result<OcrPageResult> ReadFirstPageOfScan(const std::string& path) {
  Document doc;
  doc.source_path = std::string(FINSAM_SOURCE_DIR) + "/tests/data/" + path;
  Result<std::shared_ptr<const std::string>> bytes = LoadDocumentBytes(doc);
  if (!bytes.ok()) return bytes.status();
  Result<GrayImage> page = PdfPageSource(*bytes).Render(0, 300);
  if (!page.ok()) return page.status();
  auto engine = MakeTesseractEngine();
  if (!engine.ok()) return engine.status();
  return (*engine)->Recognize(*page);
}

// Page 1 of a made-up document's scan (tests/data/unseen/word/ID.scan.pdf).
Result<OcrPageResult> ReadFirstPageOfMadeUpScan(const std::string& id) {
  return ReadFirstPageOfScan("unseen/word/" + id + ".scan.pdf");
}

// Two narrow columns of figures set close together, which the page's
// layout analysis reads as one word ("10LEE5,07" for "10,1" and "5,07";
// "2020:-2019" for the years over them): a crop of seed 191's v119-mixed
// scan (tests/data/ocr_crops/). A blank gap wider than the word is tall
// splits it, each part read alone. Before, the row's two figures were one
// unreadable word and its years one header.
TEST(TesseractEngine, SplitsAFigureWordAtAGapNoAmountPrints) {
  Result<OcrPageResult> r = ReadFirstPageOfScan("ocr_crops/merged_columns.pdf");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::multiset<std::string> words;
  std::string seen;
  for (const OcrWord& w : r->words) {
    words.insert(w.text);
    seen += w.text + " ";
  }
  for (const char* figure : {"10,1", "5,07", "2020", "2019"}) EXPECT_EQ(words.count(figure), 1u) << figure << " in: " << seen;
  const OcrWord* left = nullptr;
  const OcrWord* right = nullptr;
  for (const OcrWord& w : r->words) {
    if (w.text == "10,1") left = &w;
    if (w.text == "5,07") right = &w;
  }
  ASSERT_TRUE(left && right);
  EXPECT_LT(left->x1, right->x0);  // two boxes, side by side on one line
  EXPECT_LT(std::abs(left->y0 - right->y0), 10);
}

// A grid whose last column of short figures the page's layout analysis
// drops (the made-up w13 scan's driftredovisning: Avvikelse "0", "85",
// "238" … came back as nothing, or as one junk word "EE" over four rows of
// "0" that joined those rows into one): the grid's empty cells with ink
// are read alone, and a low-confidence letter word reaching over a row's
// rule is dropped. Before, none of the figures below was read.
TEST(TesseractEngine, ReadsTheFiguresOfAColumnTheLayoutAnalysisDropped) {
  Result<OcrPageResult> r = ReadFirstPageOfMadeUpScan("w13-ar-sodradalarna");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const OcrWord* header = nullptr;
  for (const OcrWord& w : r->words)
    if (w.text == "Avvikelse" && (!header || w.y0 < header->y0)) header = &w;
  ASSERT_NE(header, nullptr);
  // The column under the header, down to the table's foot (the sentence
  // under the table names "Avvikelse" again).
  std::multiset<std::string> column;
  double row_height = 0;
  for (const OcrWord& w : r->words) {
    if (w.x0 > header->x0 - 60 && w.x1 < header->x1 + 40 && w.y0 > header->y1 && w.y0 < header->y1 + 1400)
      column.insert(w.text);
    if (w.text == "Jobbvägen") row_height = w.y1 - w.y0;
  }
  for (const char* figure : {"85", "238", "193", "22", "29", "7"}) EXPECT_EQ(column.count(figure), 1u) << figure;
  EXPECT_GE(column.count("0"), 3u);
  EXPECT_EQ(column.count("EE"), 0u);
  ASSERT_GT(row_height, 0);
  for (const OcrWord& w : r->words) {
    if (w.y0 > header->y1 && w.y0 < header->y1 + 1400) {
      EXPECT_LT(w.y1 - w.y0, 2.5 * row_height) << w.text;
    }
  }
}

// A table drawn with rules but no grid whose third column the page's
// layout analysis skips in every row not set in bold (the made-up w8 scan,
// 1-bit and speckled: `Förslag budget 2027`): the ink left without words is
// read alone, and its figures come back. Before, none of the three below
// was read in that column.
TEST(TesseractEngine, ReadsFiguresLeftWithoutWordsOutsideAGrid) {
  Result<OcrPageResult> r = ReadFirstPageOfMadeUpScan("w8-vp-ostraskaraborg");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const OcrWord* header = nullptr;
  for (const OcrWord& w : r->words)
    if (w.text == "Förslag") header = &w;
  ASSERT_NE(header, nullptr);
  std::multiset<std::string> column;
  for (const OcrWord& w : r->words) {
    const double cx = (w.x0 + w.x1) / 2;
    if (cx > header->x0 - 40 && cx < header->x1 + 40 && w.y0 > header->y1 && w.y0 < header->y1 + 700)
      column.insert(w.text);
  }
  std::string seen;
  for (const std::string& t : column) seen += t + " ";
  for (const char* figure : {"720", "380", "2950"}) EXPECT_EQ(column.count(figure), 1u) << figure << " in: " << seen;
}

}  // namespace
}  // namespace finsam
