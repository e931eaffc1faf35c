#include "normalizers/ocr_confusions.h"

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <tuple>
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

const SmoothedDiacriticChannel& OcrConfusionTable::Smoothed() const {
  std::call_once(smoothed_once_, [this] {
    auto out = std::make_unique<SmoothedDiacriticChannel>();
    const char32_t kLetters[] = {U'å', U'ä', U'ö'};
    auto index = [](char32_t l) { return l == U'å' ? 0 : l == U'ä' ? 1 : 2; };
    // Letters of each intended letter at each place (the TSV's total
    // column, recovered from count and log_prob), counts by place and pooled.
    double total[3][3] = {}, lost[3][3] = {};
    std::map<std::pair<int, std::u32string>, double> pooled;          // (letter, observed)
    std::map<std::tuple<int, int, std::u32string>, double> by_place;  // (letter, place, observed)
    for (const LearnedConfusion& c : rows_) {
      if (c.intended != U'å' && c.intended != U'ä' && c.intended != U'ö') continue;
      const int l = index(c.intended), p = static_cast<int>(c.place);
      total[l][p] = std::max(total[l][p], std::round(c.count / std::exp(c.log_prob)));
      if (c.observed.size() == 1 && c.observed[0] == c.intended) continue;
      if (c.observed.empty()) lost[l][p] += c.count;
      else {
        pooled[{l, c.observed}] += c.count;
        by_place[{l, p, c.observed}] += c.count;
      }
    }
    double all_total = 0, all_lost = 0;
    for (int l = 0; l < 3; ++l) {
      for (int p = 0; p < 3; ++p) all_total += total[l][p], all_lost += lost[l][p];
    }
    auto add = [&](int l, int p, const std::u32string& obs, double prob) {
      LearnedConfusion c;
      c.place = static_cast<LetterPlace>(p);
      c.intended = kLetters[l];
      c.observed = obs;
      c.log_prob = std::log(prob);
      if (obs.size() == 1) out->single[obs[0]].push_back(c);
      else out->pair[SmoothedDiacriticChannel::PairKey(obs[0], obs[1])].push_back(c);
    };
    // Readings seen: shrunk towards the pooled rate (added below, never
    // below what an unseen reading of the letter gets).
    struct Seen {
      int l, p;
      std::u32string obs;
      double prob;
    };
    std::vector<Seen> seen;
    double unseen_each[3] = {};
    std::set<char32_t> extra;  // glyphs of two-letter readings
    for (const auto& [key, count] : pooled) {
      const auto& [l, obs] = key;
      if (count < kMinPooled || obs.size() > 2) continue;
      if (obs.size() == 2) extra.insert(obs.begin(), obs.end());
      double n = 0;
      for (int p = 0; p < 3; ++p) n += total[l][p];
      const double rate = count / std::max(n, 1.0);
      for (int p = 0; p < 3; ++p) {
        auto it = by_place.find({l, p, obs});
        const double c = it == by_place.end() ? 0 : it->second;
        seen.push_back({l, p, obs, (c + kBackoffWeight * rate) / (total[l][p] + kBackoffWeight)});
      }
    }
    // Two-letter readings never seen, made of the letter's own readings.
    for (int l = 0; l < 3; ++l) {
      std::set<char32_t> readings;
      double n = 0, seen_twice = 0;
      for (int p = 0; p < 3; ++p) n += total[l][p];
      for (const auto& [key, count] : pooled) {
        if (key.first != l) continue;
        if (key.second.size() == 1 && count >= 3) readings.insert(key.second[0]);
        if (key.second.size() == 2 && count == 2) ++seen_twice;
      }
      if (readings.empty() || n <= 0) continue;
      std::set<char32_t> any = readings;
      any.insert(extra.begin(), extra.end());
      std::vector<std::u32string> unseen;
      for (char32_t x : any) {
        for (char32_t y : any) {
          if (!readings.count(x) && !readings.count(y)) continue;
          const std::u32string obs{x, y};
          auto it = pooled.find({l, obs});
          if (it != pooled.end() && it->second >= kMinPooled) continue;
          unseen.push_back(obs);
        }
      }
      const double each = std::max(seen_twice, 1.0) / n / std::max<size_t>(unseen.size(), 1);
      unseen_each[l] = each;
      for (const std::u32string& obs : unseen) {
        for (int p = 0; p < 3; ++p) {
          add(l, p, obs, each);
          out->pair[SmoothedDiacriticChannel::PairKey(obs[0], obs[1])].back().count = -1;  // never seen
        }
      }
    }
    for (const Seen& r : seen) add(r.l, r.p, r.obs, std::max(r.prob, unseen_each[r.l]));
    // One-letter readings never seen (an initial ö read as "b"): the mass of
    // the one-letter readings seen twice, shared by the letters a-z not seen.
    for (int l = 0; l < 3; ++l) {
      double n = 0, seen_twice = 0;
      std::set<char32_t> known;
      for (int p = 0; p < 3; ++p) n += total[l][p];
      for (const auto& [key, count] : pooled) {
        if (key.first != l || key.second.size() != 1) continue;
        known.insert(key.second[0]);
        if (count == 2) ++seen_twice;
      }
      std::vector<char32_t> unseen;
      for (char32_t x = U'a'; x <= U'z'; ++x) {
        if (!known.count(x)) unseen.push_back(x);
      }
      if (n <= 0 || unseen.empty()) continue;
      const double each = std::max(seen_twice, 1.0) / n / unseen.size();
      for (char32_t x : unseen) {
        for (int p = 0; p < 3; ++p) {
          add(l, p, std::u32string(1, x), each);
          out->single[x].back().count = -1;  // marks a reading never seen
        }
      }
    }
    // Lost letters.
    const double lost_rate = all_total > 0 ? all_lost / all_total : 0;
    for (int l = 0; l < 3 && lost_rate > 0; ++l) {
      for (int p = 0; p < 3; ++p) {
        LearnedConfusion c;
        c.place = static_cast<LetterPlace>(p);
        c.intended = kLetters[l];
        c.log_prob = std::log((lost[l][p] + kLostBackoffWeight * lost_rate) / (total[l][p] + kLostBackoffWeight));
        out->lost.push_back(c);
      }
    }
    smoothed_ = std::move(out);
  });
  return *smoothed_;
}

}  // namespace finsam
