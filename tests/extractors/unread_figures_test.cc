// Figures no reader took (extractors/unread_figures.h): a statement whose
// header OCR garbled beyond reading is reported in the document's warnings,
// not silently absent; tables finsam reads, prose with numbers and tables
// it does not read by design stay quiet.
#include "extractors/unread_figures.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractors/financial_tables.h"
#include "pipeline/input/text_reader.h"
#include "pipeline/pipeline.h"

namespace finsam {
namespace {

TEST(FiguresAtEnd, TellsTableRowsFromOtherLines) {
  struct Case {
    const char* line;
    int want;
  };
  const Case kCases[] = {
      {"Verksamhetens intäkter 13 401 13 319", 2},
      {"Verksamhetens kostnader | -13 616 | -8 432 |", 2},
      {"Resultat 4 887", 2},
      {"-215 000 | 4887000] -1212000|", 2},  // a row whose label OCR lost
      {"Resultat 887", 1},
      {"Kassa och bank – 9 054", 2},          // a nil dash among the figures
      {"Utfall 2020 Utfall 2019", 0},         // a header: years only
      {"2020 2019", 0},
      {"Telefon 070 123 45 67", 0},           // a telephone number
      {"Andel av budget 85 %", 0},            // a percentage
      {"Beslutad 2020-12-31", 0},              // a date
      {"Förbundet har 12 anställda", 0},       // prose: the figure is no row's
      {"Sida 3", 0},
  };
  for (const Case& c : kCases) EXPECT_EQ(FiguresAtEnd(c.line), c.want) << c.line;
}

Extraction ReadAndExtract(const std::string& text) {
  Extraction ex;
  ex.doc.meta.kind = "årsredovisning";
  ReadText(text, ex.doc);
  ex.tables = ExtractFinancialTables(ex.doc);
  return ex;
}

const char* const kRows =
    "Verksamhetens intakter 13 401 13 319\n"
    "Verksamhetens kostnader -13 616 -8 432\n"
    "Verksamhetens resultat -215 4 887\n";

TEST(UnreadFigureWarnings, AStatementWhoseHeaderNoReaderUnderstood) {
  struct Case {
    const char* name;
    std::string text;
    size_t want;
  };
  const std::vector<Case> kCases = {
      // The header OCR garbled beyond reading (no year left in it).
      {"garbled header under a statement's caption", std::string("4 Resultatrakning, tkr\nTi ti sss | ar ta\n") + kRows,
       1},
      // The same rows under a header finsam reads: a table, no warning.
      {"header read", std::string("4 Resultatrakning, tkr\nUtfall 2020 Utfall 2019\n") + kRows, 0},
      // Rows under a caption that names nothing finsam reads (a
      // resultatdisposition, a note's list of loans): no loss to report.
      {"caption of a table finsam does not read", std::string("Förslag till vinstdisposition\n\n") + kRows, 0},
      // Two rows are no table.
      {"two rows", "4 Resultatrakning, tkr\nTi ti sss\nVerksamhetens intakter 13 401 13 319\n"
                   "Verksamhetens kostnader -13 616 -8 432\n",
       0},
  };
  for (const Case& c : kCases) {
    Extraction ex = ReadAndExtract(c.text);
    std::vector<std::string> w = UnreadFigureWarnings(ex);
    ASSERT_EQ(w.size(), c.want) << c.name << (w.empty() ? "" : ": " + w[0]);
    if (c.want == 0) continue;
    EXPECT_TRUE(ex.tables.empty()) << c.name;
    // Where, how many, and the first row as printed.
    EXPECT_NE(w[0].find("page 1, lines 3–5: 3 lines"), std::string::npos) << w[0];
    EXPECT_NE(w[0].find("Verksamhetens intakter 13 401 13 319"), std::string::npos) << w[0];
  }
}

// End to end through the pipeline: the warning is the document's (what
// `finsam extract` prints and `finsam ingest` counts).
TEST(UnreadFigureWarnings, ReachTheDocumentsWarnings) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "finsam_unread_figures_test.txt";
  {
    std::ofstream out(path);
    // Three columns: a statement caption without its header reads two
    // columns as the report's year and the one before (read.years), not
    // three.
    out << "Samordningsförbundet Gävleborg\nÅrsredovisning 2020\n\n3 Driftredovisning, tkr\nTi ti sss | ar ta | kkk\n"
        << "Intakter 13 401 13 320 13 319\nKostnader -13 616 -18 806 -8 432\nResultat -215 -5 486 4 887\n";
  }
  PipelineOptions opts;
  opts.quiet = true;
  Result<Extraction> ex = RunPipeline(path.string(), opts);
  std::filesystem::remove(path);
  ASSERT_TRUE(ex.ok());
  EXPECT_TRUE(ex->tables.empty());
  int unread = 0;
  for (const std::string& w : ex->doc.warnings) unread += w.find("lines 6–8: 3 lines end in figures that no table read") != std::string::npos;
  EXPECT_EQ(unread, 1);
}

}  // namespace
}  // namespace finsam
