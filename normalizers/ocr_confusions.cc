#include "normalizers/ocr_confusions.h"

#include <fstream>
#include <mutex>
#include <sstream>

#include "model/data_dir.h"
#include "normalizers/utf8.h"

namespace finsam {

std::unique_ptr<OcrConfusionTable> OcrConfusionTable::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = "cannot read " + path;
    return nullptr;
  }
  auto table = std::make_unique<OcrConfusionTable>();
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) f.push_back(field);
    LearnedConfusion c;
    std::u32string intended = f.size() == 6 ? Utf8ToU32(f[1]) : U"";
    if (f.size() != 6 || intended.size() != 1 || (f[0] != "initial" && f[0] != "medial" && f[0] != "final")) {
      if (error) *error = path + ":" + std::to_string(line_no) + ": expected position, intended, observed, count, total, log_prob";
      return nullptr;
    }
    c.place = f[0] == "initial" ? LetterPlace::kInitial : f[0] == "final" ? LetterPlace::kFinal : LetterPlace::kMedial;
    c.intended = intended[0];
    c.observed = f[2] == "<none>" ? U"" : Utf8ToU32(f[2]);
    c.count = std::stol(f[3]);
    c.log_prob = std::stod(f[5]);
    table->rows_.push_back(std::move(c));
  }
  return table;
}

const OcrConfusionTable* OcrConfusionTable::Shared() {
  static std::once_flag once;
  static OcrConfusionTable* shared = nullptr;
  std::call_once(once, [] { shared = Load(DataDir() + "/ocr_confusions.tsv", nullptr).release(); });
  return shared;
}

std::vector<LearnedConfusion> OcrConfusionTable::DiacriticConfusions(long min_count) const {
  std::vector<LearnedConfusion> out;
  for (const LearnedConfusion& c : rows_) {
    if (c.intended != U'å' && c.intended != U'ä' && c.intended != U'ö') continue;
    if (c.observed.size() == 1 && c.observed[0] == c.intended) continue;
    if (c.count < min_count) continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace finsam
