// The text reader, the line builder and SHA-256: the model every stage reads.
#include <gtest/gtest.h>

#include "normalizers/text.h"
#include "normalizers/unicode.h"
#include "pipeline/input/line_builder.h"
#include "pipeline/input/sha256.h"
#include "pipeline/input/text_reader.h"

namespace finsam {
namespace {

TEST(TextReaderTest, FormFeedStartsANewPageAndLinesKeepTheirSeparators) {
  Document doc;
  ReadText("Rad ett\nIntäkter\t2020\t2021\n\fSida två\r\nsista\n", doc);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].number, 1);
  EXPECT_EQ(doc.pages[1].number, 2);
  EXPECT_EQ(doc.pages[0].unit, BoxUnit::kCharCell);
  ASSERT_GE(doc.pages[0].lines.size(), 2u);
  EXPECT_EQ(doc.pages[0].lines[1].text, "Intäkter\t2020\t2021");  // tabs kept for text tables
  ASSERT_EQ(doc.pages[0].lines[1].words.size(), 3u);
  // Char-cell boxes: "Intäkter" fills columns 0-7 (code points, not bytes),
  // so the tab after it runs to the next stop, 16; line index 1.
  EXPECT_EQ(doc.pages[0].lines[1].words[0].box.x1, 8);
  EXPECT_EQ(doc.pages[0].lines[1].words[1].box.x0, 16);
  EXPECT_EQ(doc.pages[0].lines[1].words[1].box.y0, 1);
  EXPECT_EQ(doc.pages[1].lines[0].text, "Sida två");  // CR of CRLF dropped
  EXPECT_EQ(doc.pages[1].lines[1].text, "sista");
  EXPECT_EQ(doc.pages[1].lines[0].words[0].source, WordSource::kPlainText);
}

TEST(TextReaderTest, DecodesLegacyEncodingsAndRefusesBinary) {
  std::string note;
  Result<std::string> latin = DecodeText("G\xe4vleborg", &note);  // windows-1252 "Gävleborg"
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(*latin, "Gävleborg");
  EXPECT_NE(note.find("windows-1252"), std::string::npos);
  Result<std::string> bom = DecodeText("\xEF\xBB\xBFKansli", &note);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(*bom, "Kansli");
  EXPECT_FALSE(DecodeText(std::string("PK\x03\x04\0\0", 6), &note).ok());
}

TEST(LineBuilderTest, WordsOfOneBaselineFormOneLineLeftToRight) {
  auto w = [](const char* t, double x0, double y0) {
    Word word;
    word.text = word.raw = t;
    word.box = Box{x0, y0, x0 + 30, y0 + 12};
    return word;
  };
  Page page;
  BuildLines({w("2020", 200, 101), w("Intäkter", 50, 100), w("Kommunerna", 50, 140), w("3", 200, 140)}, page);
  ASSERT_EQ(page.lines.size(), 2u);
  EXPECT_EQ(page.lines[0].text, "Intäkter 2020");
  EXPECT_EQ(page.lines[1].text, "Kommunerna 3");
  EXPECT_EQ(page.lines[0].box.x0, 50);
  EXPECT_EQ(page.lines[0].box.x1, 230);
  EXPECT_NE(page.lines[0].block, page.lines[1].block);  // a gap of two line heights
}

// An OCR word whose box took in what lies under it ("budget" reaching into
// the title's second line) does not pull that line into its own; a figure
// the OCR adapter joined over two lines of its cell ("6 660") does take the
// part printed on the next line.
TEST(LineBuilderTest, AWordReachingIntoTheNextLineDoesNotMergeTheLines) {
  auto w = [](const char* t, double x0, double y0, double x1, double y1) {
    Word word;
    word.text = word.raw = t;
    word.box = Box{x0, y0, x1, y1};
    return word;
  };
  // The made-up w1 scan's title (boxes as Tesseract gave them, a quarter
  // size): "budget" and "plan" reach 20 pixels under the line.
  Page title;
  BuildLines({w("Verksamhetsplan", 78, 127, 244, 146), w("med", 253, 127, 293, 142),
              w("budget", 300, 126, 368, 163), w("2026", 374, 127, 418, 142), w("och", 425, 127, 460, 142),
              w("plan", 468, 127, 508, 161), w("2027-2028", 78, 151, 179, 166)},
             title);
  ASSERT_EQ(title.lines.size(), 2u);
  EXPECT_EQ(title.lines[0].text, "Verksamhetsplan med budget 2026 och plan");
  EXPECT_EQ(title.lines[1].text, "2027-2028");
  // A larger font beside small print is no overreach: a real brf scan's page
  // header ("2023 | ÅRSREDOVISNING" beside "HSB Brf …"); the bar read as a
  // tall "-" is, and does not matter here.
  Page header;
  BuildLines({w("HSB", 1684, 213, 1744, 236), w("Brf", 1756, 213, 1795, 236), w("Stockholm", 1973, 213, 2115, 236),
              w("8(16)", 2212, 213, 2292, 243), w("2023", 188, 226, 288, 267), w("-", 350, 208, 370, 284),
              w("ÅRSREDOVISNING", 388, 225, 805, 267)},
             header);
  ASSERT_EQ(header.lines.size(), 1u);
  EXPECT_EQ(header.lines[0].text, "2023 - ÅRSREDOVISNING HSB Brf Stockholm 8(16)");
  // A figure joined over two lines of its cell takes its part below.
  Page row;
  BuildLines({w("Statligt", 0, 100, 60, 112), w("bidrag", 70, 100, 130, 112), w("6", 300, 100, 310, 112),
              w("6 660", 400, 100, 440, 130), w("660", 300, 118, 330, 130)},
             row);
  ASSERT_EQ(row.lines.size(), 1u);
  EXPECT_EQ(row.lines[0].text, "Statligt bidrag 6 660 6 660");
}

// A text layer's tab leader is no text (normalizers/text.h): the word that
// holds one ("intäkter......1") becomes the label's last word and the note
// reference at the tab stop, each with its share of the box; a word of an
// OCR model's leader garbage goes.
TEST(LineBuilderTest, TabLeadersAreNoText) {
  auto w = [](const std::string& t, double x0, double x1) {
    Word word;
    word.text = word.raw = t;
    word.box = Box{x0, 100, x1, 112};
    return word;
  };
  Page page;
  // "intäkter" (8 letters) + 10 dots + "1": 19 characters over 190 pt.
  BuildLines({w("Verksamhetens", 10, 90), w("intäkter..........1", 100, 290), w("5 062", 400, 430),
              w("eeeseeesecseceeceeseses", 440, 500)},
             page);
  ASSERT_EQ(page.lines.size(), 1u);
  EXPECT_EQ(page.lines[0].text, "Verksamhetens intäkter 1 5 062");
  ASSERT_EQ(page.lines[0].words.size(), 4u);
  EXPECT_DOUBLE_EQ(page.lines[0].words[1].box.x1, 180);  // 8 of 19 characters
  EXPECT_DOUBLE_EQ(page.lines[0].words[2].box.x0, 280);  // the last one
  EXPECT_EQ(page.lines[0].words[2].raw, "1");
  // Control: words without leaders are as they were.
  Page plain;
  BuildLines({w("osv...", 10, 60), w("1.000.000", 100, 160)}, plain);
  ASSERT_EQ(plain.lines.size(), 1u);
  EXPECT_EQ(plain.lines[0].text, "osv... 1.000.000");
}

// A text dump's line loses its leaders at reading (its raw text keeps
// them), its other words keeping their character columns.
TEST(TextReaderTest, TabLeadersAreNoText) {
  Document doc;
  ReadText("Belopp i tkr Not 2025 2024\nVerksamhetens intakter.......c.ccceesse 1 5 062 4835\n", doc);
  ASSERT_EQ(doc.pages.size(), 1u);
  ASSERT_GE(doc.pages[0].lines.size(), 2u);
  const Line& l = doc.pages[0].lines[1];
  EXPECT_EQ(CollapseSpaces(l.text), "Verksamhetens intakter 1 5 062 4835");
  EXPECT_EQ(l.raw, "Verksamhetens intakter.......c.ccceesse 1 5 062 4835");
  ASSERT_EQ(l.words.size(), 6u);
  EXPECT_EQ(l.words[1].text, "intakter");
  EXPECT_EQ(l.words[3].box.x0, static_cast<double>(l.raw.find("5 062")));
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  // 56 bytes: the padding needs a second block.
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

}  // namespace
}  // namespace finsam
