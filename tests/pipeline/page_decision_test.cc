// Page decisions: the rules on synthetic signals, the text-layer analysis on
// synthetic pages, and the decisions on the corpus (read + decide only, no
// OCR: milliseconds per page).
#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/page_decision.h"
#include "pipeline/stages.h"

namespace finsam {
namespace {

Page PageOf(const std::vector<std::string>& lines, double y_step = 14) {
  Page p;
  p.width = 595;
  p.height = 842;
  double y = 50;
  for (const std::string& text : lines) {
    Line l;
    std::istringstream in(text);
    std::string tok;
    double x = 50;
    while (in >> tok) {
      Word w;
      w.text = w.raw = tok;
      w.box = Box{x, y, x + 6.0 * tok.size(), y + 10};
      x += 6.0 * tok.size() + 4;
      l.words.push_back(w);
    }
    l.text = text;
    for (const Word& w : l.words) l.box.Extend(w.box);
    p.lines.push_back(l);
    y += y_step;
  }
  return p;
}

TEST(DecidePage, Rules) {
  TextLayerSignals none;
  PageInk blank{true, 0.0001, 0.0001};
  PageInk inky{true, 0.04, 0.04};
  EXPECT_EQ(DecidePage(none, blank, false, OcrPolicy::kAuto).decision, PageDecision::kEmpty);
  PageVerdict v = DecidePage(none, inky, false, OcrPolicy::kAuto);
  EXPECT_EQ(v.decision, PageDecision::kOcr);
  EXPECT_NE(v.reason.find("no text layer"), std::string::npos);
  EXPECT_EQ(DecidePage(none, inky, false, OcrPolicy::kNever).decision, PageDecision::kEmpty);
  EXPECT_NE(DecidePage(none, inky, false, OcrPolicy::kNever).reason.find("--ocr never"), std::string::npos);

  TextLayerSignals good;
  good.words = good.alpha_words = 200;
  good.chars = 1200;
  good.with_diacritics = 40;
  PageInk covered{true, 0.05, 0.002};
  EXPECT_EQ(DecidePage(good, covered, false, OcrPolicy::kAuto).decision, PageDecision::kText);
  EXPECT_EQ(DecidePage(good, covered, false, OcrPolicy::kAlways).decision, PageDecision::kOcr);

  TextLayerSignals garbage = good;
  garbage.unmappable = 300;
  EXPECT_EQ(DecidePage(garbage, covered, false, OcrPolicy::kAuto).decision, PageDecision::kOcr);

  // A layer holding a header line over a page full of text.
  TextLayerSignals header = good;
  header.words = header.alpha_words = 6;
  PageInk mostly_outside{true, 0.05, 0.045};
  v = DecidePage(header, mostly_outside, false, OcrPolicy::kAuto);
  EXPECT_EQ(v.decision, PageDecision::kOcr);
  EXPECT_NE(v.reason.find("too little text"), std::string::npos) << v.reason;

  TextLayerSignals stripped = good;
  stripped.with_diacritics = 0;
  stripped.stripped = 20;
  stripped.garbled = 6;
  EXPECT_EQ(DecidePage(stripped, covered, false, OcrPolicy::kAuto).decision, PageDecision::kRepair);
  TextLayerSignals lexicon_says = good;
  lexicon_says.lexicon = true;
  lexicon_says.evidence = 0.9;
  EXPECT_EQ(DecidePage(lexicon_says, covered, false, OcrPolicy::kAuto).decision, PageDecision::kRepair);
  TextLayerSignals damaged = lexicon_says;
  damaged.junk_share = 0.8;
  EXPECT_EQ(DecidePage(damaged, covered, false, OcrPolicy::kAuto).decision, PageDecision::kOcr);
  // A short OCR layer (GlyphLessFont) with no å/ä/ö at all: repair.
  TextLayerSignals short_layer;
  short_layer.words = short_layer.alpha_words = 1;
  short_layer.chars = 9;
  EXPECT_EQ(DecidePage(short_layer, covered, true, OcrPolicy::kAuto).decision, PageDecision::kRepair);
  EXPECT_EQ(DecidePage(short_layer, covered, false, OcrPolicy::kAuto).decision, PageDecision::kText);
}

TEST(AnalyzeTextLayer, CountsDiacriticsGarbleAndUnmappable) {
  Page clean = PageOf({"Förbundets verksamhet är att stödja samverkan mellan parterna i länet",
                       "och under året har förbundet finansierat insatser för individer"});
  TextLayerSignals c = AnalyzeTextLayer(clean);
  EXPECT_EQ(c.words, 19);
  EXPECT_EQ(c.with_diacritics, 7);  // Förbundets är stödja länet året förbundet för
  EXPECT_EQ(c.garbled, 0);
  EXPECT_EQ(c.unmappable, 0);

  Page stripped = PageOf({"Forbundets verksamhet ar att stédja samverkan mellan parterna i lanet",
                          "och under &ret har férbundet finansierat insatser 6ver individer"});
  TextLayerSignals s = AnalyzeTextLayer(stripped);
  EXPECT_EQ(s.with_diacritics, 0);
  EXPECT_GE(s.garbled, 4);  // stédja &ret férbundet 6ver
  EXPECT_GE(s.stripped, 2);
  EXPECT_EQ(DecidePage(s, PageInk{}, false, OcrPolicy::kAuto).decision, PageDecision::kRepair);

  Page junk = PageOf({"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEE\x80\x80\xEE\x80\x81 abc"});
  TextLayerSignals j = AnalyzeTextLayer(junk);
  EXPECT_EQ(j.unmappable, 5);
  EXPECT_EQ(DecidePage(j, PageInk{}, false, OcrPolicy::kAuto).decision, PageDecision::kOcr);
}

TEST(FindDamagedTableBand, FindsGarbledTableNotProse) {
  Page p = PageOf({"Budget 2019-2021, Tkr",
                   "Intakter 2019 (2020 |2021",
                   "Kommunerna 2221 |2 222 |2 221",
                   "Summa intakter 8 886 |8 886 8 886",
                   "For verksamhetsaret 2019 budgeterar forbundet 11 mkr i kostnader for samverkan"},
                  20);
  std::optional<DamagedBand> band = FindDamagedTableBand(p);
  ASSERT_TRUE(band.has_value());
  EXPECT_EQ(band->damaged_numbers, 5);
  EXPECT_LT(band->y0, 90);   // starts at the header row (y 70)…
  EXPECT_GT(band->y1, 120);  // …ends after the Summa row (y 110-120)…
  EXPECT_LT(band->y1, 135);  // …before the prose line (y 130)
  Page clean = PageOf({"Intäkter 2019 2020 2021", "Kommunerna 2 221 2 222 2 221"});
  EXPECT_FALSE(FindDamagedTableBand(clean).has_value());
}

// Corpus: read → normalize → decide (no OCR).
std::vector<Page> DecideCorpus(const std::string& rel, OcrPolicy policy) {
  PipelineOptions opts;
  opts.ocr = policy;
  opts.quiet = true;
  PipelineContext ctx(opts);
  ctx.ex.doc.source_path = std::string(FINSAM_SOURCE_DIR) + "/corpus/" + rel;
  EXPECT_TRUE(ReadStage(ctx).ok());
  EXPECT_TRUE(NormalizeUnicodeStage(ctx).ok());
  EXPECT_TRUE(DecidePagesStage(ctx).ok());
  return ctx.ex.doc.pages;
}

std::string Decisions(const std::vector<Page>& pages) {
  std::string s;
  for (const Page& p : pages) s += std::string(PageDecisionName(p.decision)).substr(0, 1);
  return s;
}

TEST(CorpusDecisions, TextScanSandwich) {
  // Page 1 of both plans is a blank cover page in all three forms: "empty".
  for (const char* doc : {"jamtland-vp-2019", "gavleborg-vp-2020"}) {
    SCOPED_TRACE(doc);
    EXPECT_EQ(Decisions(DecideCorpus(std::string(doc) + "/text.pdf", OcrPolicy::kAuto)), "ettttt" "t");
    EXPECT_EQ(Decisions(DecideCorpus(std::string(doc) + "/scan.pdf", OcrPolicy::kAuto)), "eoooooo");
    EXPECT_EQ(Decisions(DecideCorpus(std::string(doc) + "/sandwich.pdf", OcrPolicy::kAuto)), "errrrrr");
  }
  std::vector<Page> ar = DecideCorpus("gavleborg-ar-2020/sandwich.pdf", OcrPolicy::kAuto);
  EXPECT_EQ(Decisions(ar), std::string(26, 'r'));
  for (const Page& p : ar) EXPECT_FALSE(p.decision_reason.empty());
  EXPECT_EQ(Decisions(DecideCorpus("gavleborg-ar-2020/text.pdf", OcrPolicy::kAuto)), std::string(26, 't'));
  // The last page holds the single word "Kommentar": still not blank.
  EXPECT_EQ(Decisions(DecideCorpus("gavleborg-ar-2020/scan.pdf", OcrPolicy::kAuto)), std::string(26, 'o'));
  // Policies.
  EXPECT_EQ(Decisions(DecideCorpus("jamtland-vp-2019/text.pdf", OcrPolicy::kAlways)), "ooooooo");
  EXPECT_EQ(Decisions(DecideCorpus("jamtland-vp-2019/scan.pdf", OcrPolicy::kNever)), "eeeeeee");
}

}  // namespace
}  // namespace finsam
