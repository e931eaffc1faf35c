// Stage "repair_diacritics": restores å/ä/ö on pages whose text an English
// OCR model stripped (normalizers/diacritic_repair.h).
//
// Which text is repaired:
//  - PDF pages the page decision marked PageDecision::kRepair;
//  - plain-text input whose words, taken together, look like stripped Swedish
//    (ScoreStrippedText evidence >= kTextRepairEvidence, the page decision's
//    threshold); its pages are then marked kRepair with the evidence.
// For every changed word: Word::text is the repair, Word::raw stays as the
// source gave it, Word::source becomes kRepaired and the confidence drops a
// little (more when the repair won by a small margin). Line::text follows:
// words joined by one space for PDF pages; for plain text the changed tokens
// are replaced inside the line so tabs and runs of spaces stay as they were.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "normalizers/diacritic_repair.h"
#include "normalizers/swedish_lexicon.h"
#include "pipeline/stages.h"

namespace finsam {
namespace {

// Same bar as the page decision's kRepairEvidence.
constexpr double kTextRepairEvidence = 0.35;

// A run of words of one line with no wide gap inside: a column's part of
// the line, or a table cell.
struct Segment {
  size_t line, first, last;  // words [first, last] of page.lines[line]
  double x0, x1, y0, y1;     // points, origin top-left
  int column = 0;
  bool first_in_line = false;
};

// The page's words in reading order for the repairer. The line builder
// joins the columns of a two-column page into one line ("granskat nämn-
// Bedömning"); read that way, a hyphenated word's halves never meet and the
// context model sees two texts interleaved. Lines are cut at wide gaps
// (wider than ~0.9 of the text height: word spaces are ~0.3); column starts
// are the x positions where at least three segments begin to the right of
// another segment on their line; between lines that span a column start
// (headings, full-width prose), segments are read column by column.
std::vector<Segment> ReadingOrder(const Page& page) {
  constexpr double kGapOfHeight = 0.9, kTolerance = 6.0;  // points
  std::vector<Segment> segs;
  for (size_t li = 0; li < page.lines.size(); ++li) {
    const Line& line = page.lines[li];
    if (line.words.empty()) continue;
    std::vector<double> heights;
    for (const Word& w : line.words) heights.push_back(w.box.height());
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double gap = kGapOfHeight * std::max(1.0, heights[heights.size() / 2]);
    const Box& b0 = line.words[0].box;
    Segment cur{li, 0, 0, b0.x0, b0.x1, b0.y0, b0.y1};
    cur.first_in_line = true;
    for (size_t wi = 1; wi < line.words.size(); ++wi) {
      const Box& b = line.words[wi].box;
      if (b.x0 - line.words[wi - 1].box.x1 > gap) {
        segs.push_back(cur);
        cur = Segment{li, wi, wi, b.x0, b.x1, b.y0, b.y1};
      } else {
        cur.last = wi;
        cur.x1 = std::max(cur.x1, b.x1);
        cur.y0 = std::min(cur.y0, b.y0);
        cur.y1 = std::max(cur.y1, b.y1);
      }
    }
    segs.push_back(cur);
  }
  // Column starts: x0 clusters of segments that have another segment to
  // their left on the same line.
  std::vector<double> xs;
  for (const Segment& s : segs)
    if (!s.first_in_line) xs.push_back(s.x0);
  std::sort(xs.begin(), xs.end());
  std::vector<double> starts;
  for (size_t i = 0; i < xs.size();) {
    size_t j = i;
    while (j < xs.size() && xs[j] - xs[i] <= kTolerance) ++j;
    if (j - i >= 3) starts.push_back(xs[i]);
    i = j;
  }
  if (starts.empty()) return segs;  // one column: the lines' own order
  for (Segment& s : segs) {
    s.column = 0;
    for (size_t c = 0; c < starts.size(); ++c)
      if (s.x0 + kTolerance >= starts[c]) s.column = static_cast<int>(c) + 1;
  }
  // A segment reaching across the next column start spans the columns.
  auto spans = [&](const Segment& s) {
    return static_cast<size_t>(s.column) < starts.size() && s.x1 > starts[s.column] + kTolerance;
  };
  std::vector<Segment> out;
  std::vector<Segment> region;
  auto flush = [&] {
    std::stable_sort(region.begin(), region.end(), [](const Segment& a, const Segment& b) {
      return a.column != b.column ? a.column < b.column : a.line < b.line;
    });
    out.insert(out.end(), region.begin(), region.end());
    region.clear();
  };
  for (size_t i = 0; i < segs.size();) {
    size_t j = i;
    bool spanning = false;
    while (j < segs.size() && segs[j].line == segs[i].line) spanning |= spans(segs[j++]);
    if (spanning) {
      flush();
      out.insert(out.end(), segs.begin() + static_cast<long>(i), segs.begin() + static_cast<long>(j));
    } else {
      region.insert(region.end(), segs.begin() + static_cast<long>(i), segs.begin() + static_cast<long>(j));
    }
    i = j;
  }
  flush();
  return out;
}

// Repairs one page's words in place; returns the number changed.
int RepairPage(Page& page, const DiacriticRepairer& repairer, bool plain_text) {
  std::vector<RepairToken> tokens;
  std::vector<std::pair<size_t, size_t>> where;  // (line, word) per token
  if (!plain_text) {
    const Segment* prev = nullptr;
    std::vector<Segment> order = ReadingOrder(page);
    for (size_t si = 0; si < order.size(); ++si) {
      const Segment& s = order[si];
      // Prose goes on from the segment just above in the same column (the
      // columns' baselines need not line up, so the page's line numbers do
      // not tell): a paragraph gap (~0.6 of a line) or more breaks it.
      const double height = std::max(s.y1 - s.y0, prev ? prev->y1 - prev->y0 : 0.0);
      const bool continues = prev && prev->column == s.column && s.y0 > prev->y0 &&
                             s.y0 - prev->y1 < 0.6 * height;
      for (size_t wi = s.first; wi <= s.last; ++wi) {
        RepairToken t;
        t.text = page.lines[s.line].words[wi].text;
        t.line = static_cast<int>(si);  // one "line" per segment, in reading order
        t.break_before = wi == s.first && !continues;
        tokens.push_back(std::move(t));
        where.emplace_back(s.line, wi);
      }
      prev = &s;
    }
  }
  int prev_block = -1;
  bool prev_blank = false;
  for (size_t li = 0; plain_text && li < page.lines.size(); ++li) {
    const Line& line = page.lines[li];
    if (line.words.empty()) {
      prev_blank = true;
      continue;
    }
    for (size_t wi = 0; wi < line.words.size(); ++wi) {
      RepairToken t;
      t.text = line.words[wi].text;
      t.line = static_cast<int>(li);
      if (wi == 0) t.break_before = tokens.empty() || prev_blank || line.block != prev_block;
      // Tab-separated cells of text tables do not read as one sentence.
      if (plain_text && wi > 0) {
        const Box& a = line.words[wi - 1].box;
        const Box& b = line.words[wi].box;
        if (b.x0 - a.x1 >= 2) t.break_before = true;
      }
      tokens.push_back(std::move(t));
      where.emplace_back(li, wi);
    }
    prev_block = line.block;
    prev_blank = false;
  }
  if (tokens.empty()) return 0;
  std::vector<WordChange> changes;
  std::vector<std::string> repaired = repairer.RepairTokens(tokens, &changes);
  std::vector<bool> line_changed(page.lines.size(), false);
  for (const WordChange& c : changes) {
    auto [li, wi] = where[c.token];
    Word& w = page.lines[li].words[wi];
    w.text = repaired[c.token];
    w.source = WordSource::kRepaired;
    // A repair that won by a wide margin is nearly certain; a close call
    // (both spellings are words) less so.
    float factor = static_cast<float>(std::clamp(0.80 + 0.02 * c.score, 0.80, 0.97));
    w.confidence = std::clamp(w.confidence * factor, 0.0f, 1.0f);
    line_changed[li] = true;
  }
  for (size_t li = 0; li < page.lines.size(); ++li) {
    if (!line_changed[li]) continue;
    Line& line = page.lines[li];
    if (plain_text) {
      std::vector<std::string> texts;
      for (const Word& w : line.words) texts.push_back(w.text);
      if (SubstituteTokens(line.text, texts, &line.text)) continue;
    }
    std::string joined;
    for (const Word& w : line.words) {
      if (!joined.empty()) joined += ' ';
      joined += w.text;
    }
    line.text = std::move(joined);
  }
  return static_cast<int>(changes.size());
}

}  // namespace

Status RepairDiacriticsStage(PipelineContext& ctx) {
  if (!ctx.options.repair_diacritics) return Status::Ok();
  Document& doc = ctx.ex.doc;
  const bool plain_text = doc.format == InputFormat::kText;
  std::vector<size_t> todo;
  if (plain_text) {
    std::vector<std::string> words;
    for (const Page& p : doc.pages)
      for (const Line& l : p.lines)
        for (const Word& w : l.words) words.push_back(w.text);
    // Text whose words carry å/ä/ö as Swedish prose does (a share of the
    // words, not just a name or two) is judged clean without loading the
    // lexicon.
    int with_diacritics = 0;
    for (const std::string& w : words)
      for (const char* sv : {"å", "ä", "ö", "Å", "Ä", "Ö"})
        if (w.find(sv) != std::string::npos) {
          ++with_diacritics;
          break;
        }
    if (with_diacritics >= 20 && with_diacritics * 10 >= static_cast<int>(words.size())) return Status::Ok();
    const SwedishLexicon* lex = SwedishLexicon::Shared();
    if (!lex) return Status::Ok();  // nothing to judge stripped text with
    StrippedTextScore score = ScoreStrippedText(words, *lex);
    if (score.evidence < kTextRepairEvidence) return Status::Ok();
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "plain text with stripped diacritics: evidence %.2f (%d of %d words with å/ä/ö, %d restorable, "
                  "%d garbled)",
                  score.evidence, score.with_diacritics, score.words, score.restorable, score.garbled);
    for (size_t i = 0; i < doc.pages.size(); ++i) {
      doc.pages[i].decision = PageDecision::kRepair;
      doc.pages[i].decision_reason = buf;
      todo.push_back(i);
    }
  } else {
    for (size_t i = 0; i < doc.pages.size(); ++i)
      if (doc.pages[i].decision == PageDecision::kRepair) todo.push_back(i);
  }
  if (todo.empty()) return Status::Ok();
  const SwedishLexicon* lex = SwedishLexicon::Shared();
  if (!lex) {
    doc.warnings.push_back("diacritic repair skipped: Swedish lexicon not found in " +
                           SwedishLexicon::DefaultDataDir() + "/lexicon");
    return Status::Ok();
  }
  DiacriticRepairer repairer(*lex);
  for (size_t i : todo) {
    Page& page = doc.pages[i];
    int n = RepairPage(page, repairer, plain_text);
    page.decision_reason += "; " + std::to_string(n) + " words repaired";
  }
  return Status::Ok();
}

}  // namespace finsam
