// OCR stage with a fake engine and a fake rasterizer: no Tesseract, no
// Poppler. Checks the pixel → point conversion, token cleaning, per-page
// failure handling, progress, parallelism and the bound on live page images.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include "cli/progress.h"
#include "pipeline/input/line_builder.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/ocr/ocr_text.h"
#include "pipeline/ocr/ruling_lines.h"
#include "pipeline/ocr_stage.h"

namespace finsam {
namespace {

// Renders a blank image whose size is page size × dpi / 72, and counts how
// many images are alive (rendered and not yet recognized) at once.
class FakeSource : public PageImageSource {
 public:
  FakeSource(double w_pt, double h_pt, std::atomic<int>* alive, std::atomic<int>* peak)
      : w_(w_pt), h_(h_pt), alive_(alive), peak_(peak) {}
  Result<GrayImage> Render(int page_index, int dpi) const override {
    if (page_index == fail_page) return Status::Corrupt("cannot render");
    GrayImage img;
    img.width = static_cast<int>(w_ * dpi / 72.0 + 0.5);
    img.height = static_cast<int>(h_ * dpi / 72.0 + 0.5);
    img.dpi = dpi;
    img.pixels.assign(static_cast<size_t>(img.width) * img.height, 255);
    img.pixels[0] = static_cast<uint8_t>(page_index);  // the engine reads the page back
    int now = ++*alive_;
    int p = peak_->load();
    while (now > p && !peak_->compare_exchange_weak(p, now)) {
    }
    return img;
  }
  int fail_page = -1;

 private:
  double w_, h_;
  std::atomic<int>* alive_;
  std::atomic<int>* peak_;
};

// Returns fixed words in pixel coordinates of a 300 dpi A4-ish image.
class FakeEngine : public OcrEngine {
 public:
  explicit FakeEngine(std::atomic<int>* alive) : alive_(alive) {}
  Result<OcrPageResult> Recognize(const GrayImage& image) override {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    --*alive_;
    OcrPageResult r;
    auto word = [](const char* t, double x0, double y0, double x1, double y1, float c, int line) {
      OcrWord w;
      w.text = t;
      w.x0 = x0; w.y0 = y0; w.x1 = x1; w.y1 = y1;
      w.confidence = c;
      w.line = line;
      return w;
    };
    if (image.pixels[0] == 3) return Status::Internal("engine exploded");
    r.words.push_back(word("Kommunerna", 300, 600, 600, 640, 0.96f, 0));
    r.words.push_back(word("|2", 1050, 600, 1090, 640, 0.70f, 0));
    r.words.push_back(word("222", 1100, 600, 1180, 640, 0.90f, 0));
    r.words.push_back(word("|", 1200, 590, 1205, 650, 0.50f, 0));
    r.words.push_back(word("2O19", 1250, 600, 1350, 640, 0.80f, 0));
    r.words.push_back(word("Summa", 300, 700, 450, 740, 0.95f, 1));
    return r;
  }

 private:
  std::atomic<int>* alive_;
};

Document MakeDoc(int pages, double w = 595.0, double h = 842.0) {
  Document doc;
  for (int i = 0; i < pages; ++i) {
    Page p;
    p.number = i + 1;
    p.width = w;
    p.height = h;
    p.decision = PageDecision::kOcr;
    p.decision_reason = "no text layer";
    doc.pages.push_back(p);
  }
  return doc;
}

TEST(OcrStage, ConvertsPixelsToPointsAndCleansTokens) {
  std::atomic<int> alive{0}, peak{0};
  FakeSource src(595.0, 842.0, &alive, &peak);
  OcrPool pool(1, [&]() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new FakeEngine(&alive)); });
  Document doc = MakeDoc(1);
  OcrRunOptions opt;
  opt.dpi = 300;
  ASSERT_TRUE(OcrPages(doc, src, pool, opt).ok());
  const Page& p = doc.pages[0];
  ASSERT_EQ(p.lines.size(), 2u);
  const Line& l0 = p.lines[0];
  // "|" is border debris and dropped; "|2" → "2"; "2O19" → "2019".
  ASSERT_EQ(l0.words.size(), 4u);
  EXPECT_EQ(l0.text, "Kommunerna 2 222 2019");
  EXPECT_EQ(l0.words[1].raw, "|2");
  EXPECT_EQ(l0.words[1].text, "2");
  EXPECT_EQ(l0.words[3].text, "2019");
  EXPECT_EQ(l0.words[0].source, WordSource::kOcr);
  EXPECT_FLOAT_EQ(l0.words[0].confidence, 0.96f);
  // 300 px at 300 dpi = 72 pt (image width is rounded: 2479 px for 595 pt).
  const double sx = 595.0 / 2479.0;
  EXPECT_NEAR(l0.words[0].box.x0, 300 * sx, 1e-9);
  EXPECT_NEAR(l0.words[0].box.x0, 72.0, 0.05);
  EXPECT_NEAR(l0.words[0].box.y0, 600 * 842.0 / 3508.0, 1e-9);
  EXPECT_EQ(p.unit, BoxUnit::kPoint);
  // Mean confidence over all words the engine returned, debris included.
  EXPECT_NEAR(p.ocr_confidence, (0.96 + 0.70 + 0.90 + 0.50 + 0.80 + 0.95) / 6, 1e-6);
  EXPECT_NE(p.decision_reason.find("OCR 300 dpi"), std::string::npos) << p.decision_reason;
}

// Page 1, A4 in points, from an OCR result on a 300 dpi A4 image.
Page A4PageFromOcr(const OcrPageResult& r) {
  Page page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  ApplyOcrResult(r, 2479, 3508, page);
  return page;
}

// An OCR word at (x0, y0) in image pixels, w wide and h tall.
OcrWord OcrWordAt(const char* text, double x0, double y0, double w, double h) {
  OcrWord o;
  o.text = text;
  o.x0 = x0;
  o.y0 = y0;
  o.x1 = x0 + w;
  o.y1 = y0 + h;
  o.confidence = 0.9f;
  return o;
}

// The words ApplyOcrResult keeps of `r` on an A4 page, in reading order.
std::vector<std::string> KeptWords(const OcrPageResult& r) {
  Page page = A4PageFromOcr(r);
  std::vector<std::string> kept;
  for (const Line& l : page.lines)
    for (const Word& w : l.words) kept.push_back(w.text);
  return kept;
}

// Specks Tesseract reads as a glyph (a "2" of 3×2 pixels among digits 30
// pixels tall) are no words; thin letters and a flat dash are.
TEST(OcrStage, SpecksAreNoWordsThinLettersAndDashesAre) {
  OcrPageResult r;
  r.words = {OcrWordAt("Eget", 100, 100, 60, 30),   OcrWordAt("kapital", 170, 100, 90, 30), OcrWordAt("5", 400, 100, 18, 30),
             OcrWordAt("2", 400, 140, 3, 2),        OcrWordAt("i", 100, 200, 1, 12),        OcrWordAt("-", 400, 200, 12, 2),
             OcrWordAt("Summa", 100, 240, 80, 30)};
  const std::vector<std::string> kept = KeptWords(r);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "2"), 0);  // the speck
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "i"), 1);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "-"), 1);
  EXPECT_EQ(kept.size(), 6u);
}

// Letters read with next to no confidence off a flat scrap (a rule's piece
// 89 × 3 pixels read "et" at 0.09) are no word; the same scrap read with
// confidence, a flat dash, and a low-confidence word of full height are.
TEST(OcrStage, FlatScrapsReadAsLettersAreNoWords) {
  OcrPageResult r;
  r.words = {OcrWordAt("Hjo", 320, 3030, 60, 30),   OcrWordAt("kommun", 390, 3030, 120, 30),
             OcrWordAt("306", 2069, 3032, 66, 29),  OcrWordAt("et", 757, 3078, 89, 3),
             OcrWordAt("ab", 757, 3120, 89, 3),     OcrWordAt("-", 1400, 3120, 20, 3),
             OcrWordAt("Summa", 321, 3096, 150, 29), OcrWordAt("xq", 900, 3200, 40, 30)};
  r.words[3].confidence = 0.09f;
  r.words[5].confidence = 0.05f;
  r.words[7].confidence = 0.05f;
  const std::vector<std::string> kept = KeptWords(r);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "et"), 0);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "ab"), 1);  // read at 0.9
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "-"), 1);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "xq"), 1);  // full height
  EXPECT_EQ(kept.size(), 7u);
}

// A sliver of a cell border read as a wide glyph (a "4" 4 px wide and 17
// tall at a row label's cell edge: the label became "Periodens resultat 4")
// is no word; a real "4" as tall, and thin glyphs (1, l, I) as narrow as
// the sliver, are. Widths are compared in the reading frame.
TEST(OcrStage, SliversReadAsWideGlyphsAreNoWords) {
  OcrPageResult r;
  r.words = {OcrWordAt("Periodens", 306, 2192, 172, 44), OcrWordAt("resultat", 490, 2185, 121, 51),
             OcrWordAt("4", 306, 2233, 4, 17),           OcrWordAt("270", 1140, 2204, 60, 40),
             OcrWordAt("4", 1400, 2204, 10, 17),         OcrWordAt("1", 1500, 2204, 4, 17),
             OcrWordAt("l", 1600, 2204, 3, 17),          OcrWordAt("I", 1700, 2204, 4, 17),
             OcrWordAt("8", 1800, 2204, 3, 30)};
  const std::vector<std::string> kept = KeptWords(r);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "4"), 1);  // the real one
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "1"), 1);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "l"), 1);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "I"), 1);
  EXPECT_EQ(std::count(kept.begin(), kept.end(), "8"), 0);
  EXPECT_EQ(kept.size(), 7u);

  // On a page turned a quarter (boxes in the page's frame) the same test
  // holds in the reading frame: a box 17 wide and 4 tall there is the
  // sliver, one 4 wide and 17 tall a glyph lying on its side.
  OcrPageResult turned;
  turned.orientation_degrees = 90;
  turned.words = {OcrWordAt("Periodens", 2192, 306, 44, 172), OcrWordAt("4", 2233, 306, 17, 4),
                  OcrWordAt("4", 2233, 1400, 17, 10), OcrWordAt("5", 2233, 1500, 4, 17)};
  const std::vector<std::string> kept_turned = KeptWords(turned);
  EXPECT_EQ(std::count(kept_turned.begin(), kept_turned.end(), "4"), 1);
  EXPECT_EQ(std::count(kept_turned.begin(), kept_turned.end(), "5"), 1);
}

// Text set vertically in the margin (an e-signing key on every page of a
// real report, read by Tesseract as words 20 px wide and 100-500 px tall)
// is no part of the rows it stands beside: with it, "Årets resultat" took
// the key's height and sorted above the two rows printed over it.
TEST(OcrStage, VerticalMarginTextIsNoPartOfTheRowsBesideIt) {
  OcrPageResult r;
  r.words = {OcrWordAt("Räntekostnader", 200, 2200, 300, 40), OcrWordAt("-847", 1500, 2205, 80, 35),
             OcrWordAt("309", 1590, 2205, 60, 35),             OcrWordAt("Årets", 200, 2400, 110, 40),
             OcrWordAt("resultat", 320, 2400, 150, 40),        OcrWordAt("-1", 1480, 2405, 40, 35),
             OcrWordAt("140", 1530, 2405, 60, 35),             OcrWordAt("303", 1600, 2405, 60, 35),
             OcrWordAt("8LU4J-TKOXP-QMJ42", 2440, 1900, 27, 492), OcrWordAt("Penneo", 2437, 2160, 22, 103),
             OcrWordAt("1", 1300, 2405, 12, 35),               OcrWordAt("II", 1320, 2405, 14, 35)};
  Page page = A4PageFromOcr(r);
  std::vector<std::string> lines;
  for (const Line& l : page.lines) lines.push_back(l.text);
  ASSERT_EQ(lines.size(), 2u) << ::testing::PrintToString(lines);
  EXPECT_EQ(lines[0], "Räntekostnader -847 309");
  // Short tall words (a digit, "II") are glyphs, not vertical text.
  EXPECT_EQ(lines[1], "Årets resultat 1 II -1 140 303");
}

// A page printed a quarter turned: the engine reads it upright and maps the
// boxes back, so its horizontal text comes in tall and narrow. Those words
// are the page's text, not margin text (cardinal.pdf lost two thirds of its
// words to the rule above before it compared in the reading frame); text
// that was vertical in the reading frame now comes in wide and goes.
TEST(OcrStage, QuarterTurnedPageKeepsItsTextAndDropsItsMarginText) {
  for (int degrees : {90, 270}) {
    SCOPED_TRACE(degrees);
    OcrPageResult r;
    r.orientation_degrees = degrees;
    r.words = {OcrWordAt("Räntekostnader", 1000, 200, 40, 300), OcrWordAt("-847", 1000, 1500, 35, 80),
               OcrWordAt("8LU4J-TKOXP-QMJ42", 100, 3400, 492, 27)};
    Page page = A4PageFromOcr(r);
    std::vector<std::string> kept;
    for (const Line& l : page.lines)
      for (const Word& w : l.words) kept.push_back(w.text);
    std::sort(kept.begin(), kept.end());
    EXPECT_EQ(kept, (std::vector<std::string>{"-847", "Räntekostnader"}));
  }
}

TEST(OcrStage, OnlyOcrPagesFailuresAreWarningsProgressCounts) {
  std::atomic<int> alive{0}, peak{0};
  FakeSource src(595.0, 842.0, &alive, &peak);
  src.fail_page = 1;
  OcrPool pool(2, [&]() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new FakeEngine(&alive)); });
  Document doc = MakeDoc(5);
  doc.pages[4].decision = PageDecision::kText;  // left alone
  std::atomic<int> calls{0}, last_done{-1}, last_total{-1};
  OcrRunOptions opt;
  opt.progress = [&](int done, int total) {
    ++calls;
    if (done == total) { last_done = done; last_total = total; }
  };
  ASSERT_TRUE(OcrPages(doc, src, pool, opt).ok());
  EXPECT_EQ(last_total.load(), 4);
  EXPECT_EQ(last_done.load(), 4);
  EXPECT_EQ(calls.load(), 5);  // 0/4 then once per page
  EXPECT_FALSE(doc.pages[0].lines.empty());
  EXPECT_TRUE(doc.pages[1].lines.empty());  // render failed
  EXPECT_TRUE(doc.pages[3].lines.empty());  // engine failed
  EXPECT_TRUE(doc.pages[4].lines.empty());  // not an OCR page
  EXPECT_EQ(doc.pages[4].ocr_confidence, -1);
  ASSERT_EQ(doc.warnings.size(), 2u);
  std::string all = doc.warnings[0] + "\n" + doc.warnings[1];
  EXPECT_NE(all.find("page 2: OCR failed"), std::string::npos) << all;
  EXPECT_NE(all.find("page 4: OCR failed"), std::string::npos) << all;
  EXPECT_NE(doc.pages[3].decision_reason.find("OCR failed: engine exploded"), std::string::npos);
}

TEST(OcrStage, EngineCreationFailureIsPerPageWarning) {
  std::atomic<int> alive{0}, peak{0};
  FakeSource src(595.0, 842.0, &alive, &peak);
  OcrPool pool(2, []() -> Result<std::unique_ptr<OcrEngine>> { return Status::NotFound("no swe model"); });
  Document doc = MakeDoc(3);
  ASSERT_TRUE(OcrPages(doc, src, pool, {}).ok());
  EXPECT_EQ(doc.warnings.size(), 3u);
  EXPECT_NE(doc.warnings[0].find("no swe model"), std::string::npos);
}

TEST(OcrStage, LiveImagesBoundedByWorkersAndPagesRunInParallel) {
  std::atomic<int> alive{0}, peak{0};
  // Pages just large enough for the fake engine's words (1417 × 833 px at
  // 300 dpi): words outside the image are dropped as malformed engine output,
  // and small images keep the timing check meaningful under the sanitizers.
  FakeSource src(340.0, 200.0, &alive, &peak);
  OcrPool pool(3, [&]() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(new FakeEngine(&alive)); });
  Document doc = MakeDoc(30, 340.0, 200.0);
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(OcrPages(doc, src, pool, {}).ok());
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LE(peak.load(), 3);
  EXPECT_GE(peak.load(), 2);  // pages did overlap
  EXPECT_LT(s, 30 * 0.020);   // faster than serial (30 × 20 ms)
  for (const Page& p : doc.pages)
    EXPECT_EQ(p.lines.empty(), p.number == 4) << p.number;  // the fake engine fails page 4
  EXPECT_EQ(doc.warnings.size(), 1u);
}


// Reads one number in the middle of whatever image it is given.
class MiddleEngine : public OcrEngine {
 public:
  Result<OcrPageResult> Recognize(const GrayImage& image) override {
    ++calls;
    last_height = image.height;
    OcrPageResult r;
    OcrWord w;
    w.text = "4 443";
    w.x0 = 1000;
    w.x1 = 1100;
    w.y0 = image.height / 2.0 - 20;
    w.y1 = image.height / 2.0 + 20;
    w.confidence = 0.9f;
    r.words.push_back(w);
    return r;
  }
  int calls = 0;
  int last_height = 0;
};

Line LineOf(const std::vector<std::string>& words, double y) {
  Line l;
  double x = 60;
  for (const std::string& t : words) {
    Word w;
    w.text = w.raw = t;
    w.box = Box{x, y, x + 40, y + 10};
    x += 50;
    l.words.push_back(w);
  }
  FinishLine(l);
  return l;
}

TEST(OcrStage, RepairPageRereadsOnlyItsGarbledTableBand) {
  std::atomic<int> alive{0}, peak{0};
  FakeSource src(595.0, 842.0, &alive, &peak);
  MiddleEngine* engine = new MiddleEngine;
  OcrPool pool(1, [&]() -> Result<std::unique_ptr<OcrEngine>> { return std::unique_ptr<OcrEngine>(engine); });
  Document doc = MakeDoc(1);
  Page& p = doc.pages[0];
  p.decision = PageDecision::kRepair;
  p.lines = {LineOf({"Forbundet", "har", "manga", "mal", "for", "aret"}, 50),
             LineOf({"Intakter", "2019", "(2020", "|2021"}, 100),
             LineOf({"Kommunerna", "4443/4443", "/4", "443"}, 120),
             LineOf({"Summa", "intakter", "8", "886", "|8", "886"}, 140),
             LineOf({"Styrelsen", "beslutade", "budgeten", "i", "december"}, 400)};
  OcrRunOptions opt;
  opt.reread_damaged_tables = false;
  ASSERT_TRUE(OcrPages(doc, src, pool, opt).ok());
  EXPECT_EQ(engine->calls, 0);
  opt.reread_damaged_tables = true;
  ASSERT_TRUE(OcrPages(doc, src, pool, opt).ok());
  EXPECT_EQ(engine->calls, 1);
  // Only the band's rows (plus margins) were recognized, not the page.
  EXPECT_GT(engine->last_height, 0);
  EXPECT_LT(engine->last_height, 3508 / 4);
  EXPECT_EQ(p.decision, PageDecision::kRepair);
  ASSERT_EQ(p.lines.size(), 3u);
  EXPECT_EQ(p.lines[0].text, "Forbundet har manga mal for aret");
  EXPECT_EQ(p.lines[1].text, "4 443");
  EXPECT_EQ(p.lines[1].words[0].source, WordSource::kOcr);
  EXPECT_GT(p.lines[1].box.y0, 95);
  EXPECT_LT(p.lines[1].box.y1, 155);
  EXPECT_EQ(p.lines[2].text, "Styrelsen beslutade budgeten i december");
  EXPECT_EQ(p.lines[2].words[0].source, WordSource::kTextLayer);
  EXPECT_NEAR(p.ocr_confidence, 0.9, 1e-6);
}

TEST(OcrText, RepairsColumnKindWordsReadOneLetterWrong) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Proghos", "Prognos"}, {"Pian", "Plan"},       {"Budqet", "Budget"},   {"Utfali", "Utfall"},
      {"UTFAL1", "UTFALL"},   {"Tota1t", "Totalt"},   {"bokslnt", "bokslut"},  // u read as n
      // Unchanged: right already, another word, two edits, a first letter,
      // a pair OCR does not confuse, other lengths, figures.
      {"Plan", "Plan"},       {"Plats", "Plats"},     {"Pion", "Pion"},       {"Flan", "Flan"},
      {"Plen", "Plen"},       {"Planer", "Planer"},   {"Budget2", "Budget2"}, {"2026", "2026"},
      {"Kansli", "Kansli"},   {"Plan,", "Plan,"},
      // A diacritic OCR put on a kind word's vowel, alone or ending a
      // compound; Swedish words that end so keep theirs.
      {"Helårsprögnos", "Helårsprognos"}, {"Budgét", "Budget"}, {"Utfäll", "Utfall"},
      {"Plän", "Plan"},  {"Helårsprognos", "Helårsprognos"}, {"Årsplan", "Årsplan"},
      {"Söder", "Söder"}, {"2026-plän", "2026-plän"},
      // An n read as "ri", alone or ending a compound.
      {"Helårsprogrios", "Helårsprognos"}, {"Progrios", "Prognos"}, {"Pristagarie", "Pristagarie"},
  };
  for (const Case& c : cases) EXPECT_EQ(RepairKindWord(c.in), c.out) << c.in;
}

// A cell's reading: solid print, and the dots of a shaded cell read as
// short words beside it.
TEST(OcrText, SolidWordsAndShadingDebris) {
  EXPECT_EQ(LetterCount("Helårsbudget"), 12);
  EXPECT_EQ(LetterCount("2026"), 0);
  EXPECT_EQ(LetterCount("jan-jun"), 6);
  EXPECT_TRUE(IsSolidWord("Helårsbudget", 0.90f));
  EXPECT_TRUE(IsSolidWord("Helårsprognos", 0.71f));
  EXPECT_FALSE(IsSolidWord("Helårsbudget", 0.50f));  // not believed
  EXPECT_FALSE(IsSolidWord("NET", 0.95f));           // too short
  EXPECT_FALSE(IsSolidWord("2026", 0.95f));          // no letters
  EXPECT_TRUE(IsShadingDebris("200", 0.04f, true));
  EXPECT_TRUE(IsShadingDebris("ns", 0.02f, true));
  EXPECT_FALSE(IsShadingDebris("200", 0.04f, false));  // nothing solid beside it
  EXPECT_FALSE(IsShadingDebris("200", 0.40f, true));   // read with some confidence
  EXPECT_FALSE(IsShadingDebris("2026", 0.04f, true));  // four characters: print
}

TEST(OcrText, ZeroLikeWords) {
  struct Case {
    const char* token;
    bool zero_like;
  };
  const Case cases[] = {
      {"Oo", true},  {"[Ö", true},  {"[]", true}, {"()", true},  {"O", true},   {"0", true},
      {"[0", true},  {"D", false},  {"OOOO", false}, {"Ort", false}, {"[", false}, {"Ö)", true},
      {"o.", false}, {"ö", true},   {"", false},  {"10", false}, {"Q)", false}, {"ha", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsZeroLike(c.token), c.zero_like) << c.token;
}

TEST(OcrText, OtherReadingsOfAWord) {
  std::vector<std::string> readings;
  EXPECT_TRUE(AddReading("5 900", " 6  900\n", &readings));
  EXPECT_FALSE(AddReading("5 900", "6 900", &readings));   // already there
  EXPECT_FALSE(AddReading("5 900", "5 900 ", &readings));  // the word as read
  EXPECT_FALSE(AddReading("5 900", "Sgoo", &readings));    // no digit
  EXPECT_FALSE(AddReading("5 900", "   ", &readings));
  EXPECT_EQ(readings, std::vector<std::string>({"6 900"}));
  for (int d = 0; d < 9; ++d) AddReading("5 900", std::to_string(d) + " 901", &readings);
  EXPECT_EQ(readings.size(), kMaxReadings);
  // Joined words ("13" over "320"): each word's readings with the other as
  // read.
  EXPECT_EQ(JoinedReadings("13", {"18"}, " ", "320", {"328", "820"}),
            std::vector<std::string>({"18 320", "13 328", "13 820"}));
  EXPECT_TRUE(JoinedReadings("13", {}, " ", "320", {}).empty());
}

TEST(OcrText, CleansBorderGlyphsAndDigitLetters) {
  EXPECT_EQ(CleanOcrToken("|2"), "2");
  EXPECT_EQ(CleanOcrToken("8886|"), "8886");
  EXPECT_EQ(CleanOcrToken("[2021"), "2021");
  EXPECT_EQ(CleanOcrToken("(2020"), "2020");
  EXPECT_EQ(CleanOcrToken("(0)"), "(0)");
  EXPECT_EQ(CleanOcrToken("2O19"), "2019");
  EXPECT_EQ(CleanOcrToken("1O0"), "100");
  EXPECT_EQ(CleanOcrToken("2.222"), "2 222");
  EXPECT_EQ(CleanOcrToken("2:526"), "2 526");
  EXPECT_EQ(CleanOcrToken("8,9"), "8,9");
  EXPECT_EQ(CleanOcrToken("480,5"), "480,5");
  EXPECT_EQ(CleanOcrToken("Kommunerna"), "Kommunerna");
  EXPECT_EQ(CleanOcrToken("Sol"), "Sol");  // letters stay letters
  EXPECT_TRUE(IsBorderDebris("|"));
  EXPECT_TRUE(IsBorderDebris("||"));
  EXPECT_TRUE(IsBorderDebris("]"));
  EXPECT_FALSE(IsBorderDebris("1"));
  EXPECT_FALSE(IsBorderDebris("-"));
  EXPECT_TRUE(IsSuspectNumber("2:526", 0.95f));
  EXPECT_TRUE(IsSuspectNumber("22eeR", 0.95f));
  EXPECT_TRUE(IsSuspectNumber("2526", 0.5f));
  EXPECT_FALSE(IsSuspectNumber("2 526", 0.95f));
  EXPECT_FALSE(IsSuspectNumber("Summa", 0.1f));
}

// A bracketed figure OCR split at its thousands space keeps its brackets;
// a closing half beside a head whose bracket was read as a glyph keeps its
// own; any other pair keeps none.
TEST(OcrTextTest, BracketsAcrossTokens) {
  struct Case {
    const char* left;
    const char* right;
    bool open, close;
  } cases[] = {
      {"(10", "812)", true, true},  {"(1", "250)", true, true},   {"49", "960)", false, true},
      {"l9", "960)", false, true},  {"C9", "960)", false, true},  {"19", "960)", false, false},  {"59", "960)", false, false},
      {"(10", "812", false, false}, {"10", "812)", false, false}, {"(10", "8121)", false, false},
      {"(1234", "812)", false, false}, {"Not", "812)", false, false},
  };
  for (const Case& c : cases) {
    const KeptBrackets k = BracketsAcrossTokens(c.left, c.right);
    EXPECT_EQ(k.open, c.open) << c.left << " " << c.right;
    EXPECT_EQ(k.close, c.close) << c.left << " " << c.right;
  }
}

// A synthetic bordered table: 3 columns × 2 rows of 1-px lines at 300 dpi,
// plus a letter-like blob that must not be taken for a line.
// The parts of a number OCR gives as separate words join only inside one
// bordered cell, only as head + 3-digit groups, only when alone in the cell.
TEST(RulingLines, JoinsNumberPartsOnlyInsideOneCell) {
  // Columns 100|500|800|1100, rows 100|250|400 (pixels).
  std::vector<RulingLine> lines;
  for (int y : {100, 250, 400}) lines.push_back(RulingLine{true, 100, y, 1100, y + 2});
  for (int x : {100, 500, 800, 1100}) lines.push_back(RulingLine{false, x, 100, x + 2, 402});
  auto word = [](const char* t, double x0, double y0, double x1, float conf = 0.95f) {
    OcrWord w;
    w.text = t;
    w.x0 = x0; w.y0 = y0; w.x1 = x1; w.y1 = y0 + 30;
    w.confidence = conf;
    return w;
  };
  struct Case {
    const char* name;
    std::vector<OcrWord> in;
    std::vector<std::string> out;
  };
  const std::vector<Case> cases = {
      {"head and group in one cell, a wide gap", {word("13", 600, 150, 640), word("320", 665, 150, 740, 0.8f)}, {"13 320"}},
      {"a narrow gap is the reader's", {word("13", 600, 150, 640), word("320", 650, 150, 710)}, {"13", "320"}},
      {"minus head and two groups", {word("-1", 560, 150, 590), word("806", 620, 150, 680), word("000", 690, 150, 750)},
       {"-1 806 000"}},
      {"group in the next cell stays", {word("976", 700, 150, 760), word("756", 820, 150, 880)}, {"976", "756"}},
      {"label beside a number stays", {word("Summa", 200, 150, 300), word("320", 400, 150, 460)}, {"Summa", "320"}},
      {"not a 3-digit group", {word("13", 600, 150, 640), word("32", 680, 150, 720)}, {"13", "32"}},
      {"head too long", {word("1320", 560, 150, 640), word("320", 680, 150, 740)}, {"1320", "320"}},
      {"a third word in the cell", {word("13", 560, 150, 600), word("320", 620, 150, 680), word("tkr", 700, 150, 760)},
       {"13", "320", "tkr"}},
      {"outside any cell", {word("13", 600, 20, 640), word("320", 680, 20, 740)}, {"13", "320"}},
      // 30 px high parts 80 px apart: two columns of a cell whose rule was lost.
      {"too far apart", {word("43", 560, 150, 600), word("000", 610, 150, 660), word("109", 740, 150, 790)},
       {"43", "000", "109"}},
      {"on two lines", {word("13", 600, 110, 640), word("320", 680, 200, 740)}, {"13", "320"}},
  };
  for (const Case& c : cases) {
    std::vector<OcrWord> words = c.in;
    JoinNumberPartsInCells(lines, words);
    std::vector<std::string> got;
    for (const OcrWord& w : words) got.push_back(w.text);
    std::sort(got.begin(), got.end());
    std::vector<std::string> want = c.out;
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want) << c.name;
  }
  std::vector<OcrWord> words = cases[0].in;
  JoinNumberPartsInCells(lines, words);
  ASSERT_EQ(words.size(), 1u);
  EXPECT_DOUBLE_EQ(words[0].x0, 600);
  EXPECT_DOUBLE_EQ(words[0].x1, 740);
  EXPECT_FLOAT_EQ(words[0].confidence, 0.8f);  // the weakest part's
}

// A page image of w × h pixels at 300 dpi, every pixel `paper`.
GrayImage PaperImage(int w, int h, uint8_t paper) {
  GrayImage img;
  img.width = w;
  img.height = h;
  img.dpi = 300;
  img.pixels.assign(static_cast<size_t>(w) * h, paper);
  return img;
}

// Paints the rectangle [x0, x1) × [y0, y1) gray level v.
void Fill(GrayImage& img, int x0, int y0, int x1, int y1, uint8_t v) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img.pixels[static_cast<size_t>(y) * img.width + x] = v;
}

TEST(RulingLines, FindsGridEraseItAndLocatesCells) {
  GrayImage img = PaperImage(1200, 600, 255);
  auto dark = [&](int x0, int y0, int x1, int y1, uint8_t v) { Fill(img, x0, y0, x1, y1, v); };
  for (int y : {100, 250, 400}) dark(100, y, 1100, y + 2, 90);    // horizontal rules
  for (int x : {100, 500, 800, 1100}) dark(x, 100, x + 2, 402, 90);  // vertical rules
  dark(550, 300, 560, 340, 0);   // a "1": a 40 px stem, not a line
  dark(600, 310, 640, 318, 0);   // a short bar
  std::vector<RulingLine> lines = FindRulingLines(img);
  int h = 0, v = 0;
  for (const RulingLine& l : lines) (l.horizontal ? h : v)++;
  EXPECT_EQ(h, 3);
  EXPECT_EQ(v, 4);
  std::optional<PixelRect> cell = CellAround(lines, 555, 320);
  ASSERT_TRUE(cell.has_value());
  EXPECT_NEAR(cell->x0, 502, 2);
  EXPECT_NEAR(cell->x1, 800, 2);
  EXPECT_NEAR(cell->y0, 252, 2);
  EXPECT_NEAR(cell->y1, 400, 2);
  EXPECT_FALSE(CellAround(lines, 50, 50).has_value());
  EraseRulingLines(lines, img);
  EXPECT_EQ(img.at(300, 100), 255);
  EXPECT_EQ(img.at(500, 200), 255);
  EXPECT_EQ(img.at(555, 320), 0);  // the stem survives
}

// A grey fill behind a column (annual reports shade the current year) is
// near the binarization threshold, and scanner streaks leave long thin
// pieces of it that look like rules; erasing them cut the digits printed on
// the fill. Only a rule darker than the paper beside it is a line.
TEST(RulingLines, ShadedColumnIsNotRuled) {
  GrayImage img = PaperImage(1200, 700, 250);
  auto fill = [&](int x0, int y0, int x1, int y1, uint8_t v) { Fill(img, x0, y0, x1, y1, v); };
  // The fill: gray 214, right at the ink threshold, each pixel column a
  // little lighter or darker (σ 4, the streaks a scanner's sensor leaves
  // along the feed) plus grain (σ 2); measured on a 200-dpi scan of such a
  // column. Fixed-seed generator.
  uint32_t state = 12345;
  auto uniform = [&] {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) / 16777216.0 + 1e-9;
  };
  auto normal = [&] { return std::sqrt(-2 * std::log(uniform())) * std::cos(6.283185307 * uniform()); };
  for (int x = 500; x < 800; ++x) {
    const double column = 214 + 4 * normal();
    for (int y = 50; y < 650; ++y)
      img.pixels[static_cast<size_t>(y) * img.width + x] = static_cast<uint8_t>(std::clamp(column + 2 * normal(), 0.0, 255.0));
  }
  // Digits on the fill: stems and bars, a row every 60 px.
  for (int y = 80; y < 620; y += 60)
    for (int x = 560; x < 780; x += 30) {
      fill(x, y, x + 5, y + 36, 30);
      fill(x, y + 16, x + 18, y + 20, 30);
    }
  fill(100, 300, 450, 302, 90);   // a rule on paper, left of the fill
  fill(1000, 100, 1002, 500, 190);  // a faint grey rule on paper
  const std::vector<uint8_t> before = img.pixels;
  std::vector<RulingLine> lines = FindRulingLines(img);
  int h = 0, v = 0;
  for (const RulingLine& l : lines) (l.horizontal ? h : v)++;
  EXPECT_EQ(h, 1);
  EXPECT_EQ(v, 1);
  EraseRulingLines(lines, img);
  EXPECT_EQ(img.at(300, 301), 255);   // the rule is gone
  EXPECT_EQ(img.at(1001, 300), 255);  // the faint one too
  int changed = 0;  // on the fill: digits and grain as they were
  for (int y = 50; y < 650; ++y)
    for (int x = 500; x < 800; ++x)
      changed += img.at(x, y) != before[static_cast<size_t>(y) * img.width + x];
  EXPECT_EQ(changed, 0);
}

// Which lines are erased before recognition: a grid's all, a statement's
// horizontal rules (no vertical line meets them) none.
TEST(RulingLines, ErasesGridsNotTheRulesOfAStatement) {
  struct Case {
    const char* name;
    std::vector<RulingLine> lines;
    size_t erased;
  };
  const RulingLine header_rule{true, 100, 200, 1100, 203};
  const RulingLine sum_rule{true, 100, 600, 1100, 603};
  const RulingLine left{false, 98, 200, 101, 603};    // meets both rules
  const RulingLine apart{false, 1500, 900, 1503, 1200};  // a vertical line elsewhere
  const std::vector<Case> cases = {
      {"statement: two horizontal rules", {header_rule, sum_rule}, 0},
      {"grid: rules meet a vertical line", {header_rule, sum_rule, left}, 3},
      {"a vertical line that meets no rule", {header_rule, apart}, 1},
      {"no lines", {}, 0},
  };
  for (const Case& c : cases) EXPECT_EQ(LinesToErase(c.lines).size(), c.erased) << c.name;
}

TEST(Progress, PlainLinesSumDocumentsAndFinish) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    ProgressReporter rep(ProgressReporter::Mode::kLines, f, "OCR", /*line_interval_s=*/1000);
    EXPECT_EQ(rep.mode(), ProgressReporter::Mode::kLines);
    auto a = rep.ForDocument();
    auto b = rep.ForDocument();
    a(0, 4);
    b(0, 6);
    a(4, 4);
    EXPECT_EQ(rep.StatusText().substr(0, 17), "OCR: 4/10 pages, ");
    b(6, 6);  // all done: forces a line
    rep.Finish();
  }
  std::rewind(f);
  char buf[4096] = {0};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string out(buf, n);
  EXPECT_NE(out.find("OCR: 0/4 pages"), std::string::npos) << out;  // first report draws
  EXPECT_NE(out.find("OCR: 10/10 pages"), std::string::npos) << out;
  EXPECT_NE(out.find("done in"), std::string::npos) << out;
}

TEST(Progress, QuietPrintsNothingAndDurationsFormat) {
  std::FILE* f = std::tmpfile();
  {
    ProgressReporter rep(ProgressReporter::Mode::kQuiet, f);
    auto cb = rep.ForDocument();
    cb(0, 3);
    cb(3, 3);
  }
  EXPECT_EQ(std::ftell(f), 0);
  std::fclose(f);
  EXPECT_EQ(ProgressReporter::FormatDuration(16), "0:16");
  EXPECT_EQ(ProgressReporter::FormatDuration(65), "1:05");
  EXPECT_EQ(ProgressReporter::FormatDuration(7387), "2:03:07");
}

TEST(Progress, BarRedrawsInPlace) {
  std::FILE* f = std::tmpfile();
  {
    ProgressReporter rep(ProgressReporter::Mode::kBar, f);
    auto cb = rep.ForDocument();
    cb(0, 2);
    cb(2, 2);
  }
  std::rewind(f);
  char buf[4096] = {0};
  size_t n = std::fread(buf, 1, sizeof buf - 1, f);
  std::fclose(f);
  std::string out(buf, n);
  EXPECT_EQ(out[0], '\r');
  EXPECT_NE(out.find("[########################] 2/2 pages"), std::string::npos) << out;
  EXPECT_EQ(out.back(), '\n');
}

}  // namespace
}  // namespace finsam
