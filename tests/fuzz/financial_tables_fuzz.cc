// Fuzz target: the financial table readers (extractors/financial_tables.h)
// on a synthetic Document built from the fuzz bytes: 1–3 pages, each either
// positioned words (BoxUnit::kPoint, lines built by pipeline/input's
// line_builder as for a text layer or OCR) or plain-text lines
// (BoxUnit::kCharCell, split by the text reader). Words are drawn from table
// vocabulary (titles, headers, labels, amounts) or are raw fuzz bytes, so
// the readers see table-like pages as well as garbage.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extractors/financial_tables.h"
#include "model/document.h"
#include "pipeline/input/line_builder.h"
#include "pipeline/input/text_reader.h"

namespace {

constexpr const char* kVocabulary[] = {
    "Budget", "Utfall", "Prognos", "Plan", "Avvikelse", "2019", "2020", "2021", "2022", "tkr", "Tkr",
    "mkr", "kr", "(tkr)", "Belopp", "i", "Resultaträkning", "Balansräkning", "Kassaflödesanalys",
    "Driftsredovisning", "Not", "1", "2", "Intäkter", "Kostnader", "Summa", "intäkter", "kostnader",
    "Kommunerna", "Region", "Försäkringskassan", "Arbetsförmedlingen", "Insatser", "Personal",
    "Årets", "resultat", "Eget", "kapital", "13", "320", "13 320", "-2 187", "−666", "–", "-",
    "(1 234)", "480,5", "100%", "100", "%", "4443", "8 886", "0", "Verksamhetsplan", "Totalt",
    "Förbrukade", "medel,", "andel", "av", "budget", "\t", "|", "Femårsöversikt", "Balanskrav"};

std::string NextToken(FuzzedDataProvider& fdp) {
  if (fdp.ConsumeBool()) return kVocabulary[fdp.ConsumeIntegralInRange<size_t>(0, std::size(kVocabulary) - 1)];
  return fdp.ConsumeRandomLengthString(16);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider fdp(data, size);
  finsam::Document doc;
  const bool text_input = fdp.ConsumeBool();
  doc.format = text_input ? finsam::InputFormat::kText : finsam::InputFormat::kPdf;
  const int pages = fdp.ConsumeIntegralInRange(1, 3);
  for (int p = 0; p < pages && fdp.remaining_bytes() > 0; ++p) {
    finsam::Page page;
    page.number = p + 1;
    const int lines = fdp.ConsumeIntegralInRange(0, 40);
    if (text_input) {
      page.unit = finsam::BoxUnit::kCharCell;
      page.width = 100;
      page.height = lines;
      for (int y = 0; y < lines && fdp.remaining_bytes() > 0; ++y) {
        std::string text;
        const int words = fdp.ConsumeIntegralInRange(0, 8);
        for (int w = 0; w < words; ++w) {
          if (w) text += fdp.ConsumeBool() ? "\t" : (fdp.ConsumeBool() ? "  " : " ");
          text += NextToken(fdp);
        }
        finsam::Line line;
        line.text = line.raw = text;
        line.words = finsam::SplitTextLine(text, y);
        line.index = y;
        for (const finsam::Word& w : line.words) line.box.Extend(w.box);
        page.lines.push_back(std::move(line));
      }
    } else {
      page.unit = finsam::BoxUnit::kPoint;
      page.width = 595;
      page.height = 842;
      std::vector<finsam::Word> words;
      for (int y = 0; y < lines && fdp.remaining_bytes() > 0; ++y) {
        const double top = fdp.ConsumeFloatingPointInRange<double>(0, 842);
        const double height = fdp.ConsumeFloatingPointInRange<double>(1, 20);
        double x = fdp.ConsumeFloatingPointInRange<double>(0, 200);
        const int count = fdp.ConsumeIntegralInRange(1, 8);
        for (int w = 0; w < count; ++w) {
          finsam::Word word;
          word.text = word.raw = NextToken(fdp);
          if (word.text.empty()) continue;
          const double width = fdp.ConsumeFloatingPointInRange<double>(1, 120);
          word.box = finsam::Box{x, top, x + width, top + height};
          word.confidence = fdp.ConsumeProbability<float>();
          x += width + fdp.ConsumeFloatingPointInRange<double>(1, 80);
          words.push_back(std::move(word));
        }
      }
      finsam::BuildLines(std::move(words), page);
    }
    doc.pages.push_back(std::move(page));
  }
  std::vector<finsam::FinancialTable> tables = finsam::ExtractFinancialTables(doc);
  (void)finsam::FactsTsv(tables);
  return 0;
}
