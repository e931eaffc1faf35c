#include "extractors/members.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "extractors/document_lines.h"
#include "extractors/organisations.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/swedish_words.h"
#include "normalizers/text.h"
#include "normalizers/unicode.h"

namespace finsam {
namespace {

std::vector<std::string> SplitList(const std::string& s) {
  // ", " and " och " / " samt " separate items.
  std::vector<std::string> out;
  std::string f = Fold(s);
  FoldedText ft = FoldWithMap(s);
  size_t start = 0;
  size_t i = 0;
  while (i <= ft.folded.size()) {
    size_t n = 0;
    if (i == ft.folded.size()) n = 0;
    else if (ft.folded[i] == ',') n = 1;
    else if (ft.folded.compare(i, 5, " och ") == 0) n = 5;
    else if (ft.folded.compare(i, 6, " samt ") == 0) n = 6;
    if (i == ft.folded.size() || n) {
      std::string item = CollapseSpaces(ft.Original(s, start, i));
      if (!item.empty()) out.push_back(item);
      if (i == ft.folded.size()) break;
      i += n;
      start = i;
      continue;
    }
    ++i;
  }
  return out;
}

struct NoteColumn {
  int year = 0;
  double x = 0;
};

void AddNoteRow(const std::string& label, const std::vector<std::optional<double>>& values,
                const std::vector<NoteColumn>& cols, int64_t scale, const Provenance& prov,
                std::vector<MemberContribution>* out) {
  std::string fl = Fold(label);
  if (fl.rfind("summa", 0) == 0 || fl.rfind("totalt", 0) == 0 || fl.empty()) return;
  Organisation o = NormalizeOrganisation(label);
  for (size_t c = 0; c < values.size() && c < cols.size(); ++c) {
    if (!values[c]) continue;
    MemberContribution m;
    m.organisation = o.kind.empty() ? CollapseSpaces(label) : o.name;
    m.organisation_kind = o.kind;
    m.is_member = !o.kind.empty();
    m.year = cols[c].year;
    m.amount_sek = static_cast<int64_t>(std::llround(*values[c] * scale));
    m.source = "note";
    m.prov = prov;
    out->push_back(std::move(m));
  }
}

// Does `next` (a line with a label and no figures) continue `label`? It
// starts with a small letter (row labels start with a capital), or `label`
// is unfinished: an open parenthesis, a trailing comma, hyphen or "och".
bool ContinuesLabel(const std::string& label, const std::string& next) {
  if (label.empty() || next.empty()) return false;
  const std::string fl = Fold(label);
  if (std::count(fl.begin(), fl.end(), '(') > std::count(fl.begin(), fl.end(), ')')) return true;
  if (fl.back() == ',' || fl.back() == '-' || RE2::PartialMatch(fl, "\\s(och|samt)$"_re)) return true;
  // The first character (UTF-8) is a small letter when it has a capital.
  const unsigned char lead = static_cast<unsigned char>(next[0]);
  const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  const std::string first = next.substr(0, len);
  return ToUpper(first) != first;
}

// The member-contribution note. Returns rows in `out`.
void ReadNote(const std::vector<LineRef>& lines, std::vector<MemberContribution>* out) {
  static const RE2 kHeading("^not\\s*\\d+\\s*[.:]?\\s*(.*)$");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string fh = Fold(CollapseSpaces(lines[i].text()));
    std::string rest;
    if (!RE2::FullMatch(fh, kHeading, &rest)) continue;
    if (rest.find("medlem") == std::string::npos) continue;
    // Header: the first line(s) with years; unit from the header or "tkr".
    int64_t scale = 1000;
    std::vector<NoteColumn> cols;
    bool wrapped_dates = false;
    size_t j = i + 1;
    for (; j < lines.size() && j <= i + 4; ++j) {
      if (IsBlank(lines[j])) continue;
      const std::string& t = lines[j].text();
      if (std::optional<MoneyUnit> u = DetectMoneyUnit(t)) scale = u->scale;
      if (lines[j].page->unit == BoxUnit::kCharCell) {
        size_t start = 0;
        int col = -1;
        for (;;) {
          size_t tab = t.find('\t', start);
          std::string cell = t.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
          std::string y;
          if (col >= 0 && RE2::PartialMatch(cell, "((?:19|20)\\d\\d)"_re, &y)) cols.push_back({std::stoi(y), 0});
          ++col;
          if (tab == std::string::npos) break;
          start = tab + 1;
        }
      } else {
        for (const Word& w : lines[j].line->words) {
          // "2020-12-31", "2020-12-" (wrapped), "|2019-12-" (OCR'd rule).
          std::string y;
          if (RE2::PartialMatch(w.text, "(?:^|[^0-9])((?:19|20)\\d\\d)(?:-|$)"_re, &y)) {
            cols.push_back({std::stoi(y), w.box.x0});
            wrapped_dates = wrapped_dates || w.text.back() == '-';
          }
        }
      }
      if (!cols.empty()) break;
    }
    if (cols.empty()) continue;
    // "2020-12-" over "31": the days of dates wrapped in their header cells
    // are header, not figures, whatever label the line builder put beside
    // them ("Belopp i tkr 31 31" when the label cell is centred).
    if (wrapped_dates) {
      size_t k = j + 1;
      while (k < lines.size() && IsBlank(lines[k])) ++k;
      if (k < lines.size() && lines[k].page->unit != BoxUnit::kCharCell) {
        int days = 0, other = 0;
        for (const Word& w : lines[k].line->words) {
          if (w.box.x0 < cols[0].x - 8) continue;
          if (RE2::FullMatch(w.text, "(0?[1-9]|[12]\\d|3[01])"_re)) ++days;
          else ++other;
        }
        if (days > 0 && other == 0 && days <= static_cast<int>(cols.size())) {
          if (std::optional<MoneyUnit> u = DetectMoneyUnit(lines[k].text())) scale = u->scale;
          j = k;
        }
      }
    }
    std::vector<MemberContribution> rows;
    std::string pending;  // a wrapped label's first line(s), PDF only
    int label_only = 0;
    // The last row read, kept until the next line shows whether it continues
    // the row's label.
    struct HeldRow {
      std::string label;
      std::vector<std::optional<double>> values;
      Provenance prov;
    };
    std::optional<HeldRow> held;
    auto flush = [&] {
      if (held) AddNoteRow(held->label, held->values, cols, scale, held->prov, &rows);
      held.reset();
    };
    for (++j; j < lines.size(); ++j) {
      if (IsBlank(lines[j])) continue;
      const LineRef& lr = lines[j];
      std::string t = CollapseSpaces(lr.text());
      std::string ft = Fold(t);
      if (RE2::PartialMatch(ft, "^not\\s*\\d"_re)) break;
      std::string label;
      std::vector<std::optional<double>> values(cols.size());
      bool any_value = false;
      if (lr.page->unit == BoxUnit::kCharCell) {
        const std::string& raw = lr.text();
        if (raw.find('\t') == std::string::npos) break;
        size_t start = 0;
        int col = -1;
        for (;;) {
          size_t tab = raw.find('\t', start);
          std::string cell = CollapseSpaces(raw.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
          if (col < 0) label = cell;
          else if (col < static_cast<int>(cols.size()) && !cell.empty()) {
            values[col] = ParseAmount(cell);
            any_value = any_value || values[col].has_value();
          }
          ++col;
          if (tab == std::string::npos) break;
          start = tab + 1;
        }
      } else {
        struct W {
          double y0, x0;
          std::string text;
        };
        std::vector<W> lw;
        std::vector<std::string> colt(cols.size());
        if (lr.line->box.x0 < 50) break;
        for (const Word& w : lr.line->words) {
          if (w.box.x0 >= cols[0].x - 8) {
            size_t best = 0;
            for (size_t c = 1; c < cols.size(); ++c)
              if (std::fabs(w.box.x0 - cols[c].x) < std::fabs(w.box.x0 - cols[best].x)) best = c;
            colt[best] += (colt[best].empty() ? "" : " ") + w.text;
          } else {
            lw.push_back({w.box.y0, w.box.x0, w.text});
          }
        }
        std::stable_sort(lw.begin(), lw.end(), [](const W& a, const W& b) {
          if (std::fabs(a.y0 - b.y0) > 2) return a.y0 < b.y0;
          return a.x0 < b.x0;
        });
        for (const W& w : lw) label += (label.empty() ? "" : " ") + w.text;
        for (size_t c = 0; c < cols.size(); ++c) {
          if (colt[c].empty()) continue;
          values[c] = ParseAmount(colt[c]);
          any_value = any_value || values[c].has_value();
        }
      }
      if (!any_value) {
        if (label.empty()) continue;
        // "Statligt bidrag (försäkringskassan och 6 660 6 660" over
        // "arbetsförmedlingen)", "Förutbetalda" / "89 27" / "kostnader": a
        // line that continues the label of the row just read (figures
        // centred in a tall cell) joins it.
        if (held && lr.page->unit != BoxUnit::kCharCell && ContinuesLabel(held->label, label)) {
          held->label += " " + label;
          continue;
        }
        // "Statligt bidrag (försäkringskassan och" over
        // "arbetsförmedlingen) 6 660 6 660": keep the first line.
        if (lr.page->unit != BoxUnit::kCharCell && ++label_only <= 2) {
          flush();
          pending += (pending.empty() ? "" : " ") + label;
          continue;
        }
        break;
      }
      flush();
      if (!pending.empty()) label = label.empty() ? pending : pending + " " + label;
      pending.clear();
      label_only = 0;
      if (Fold(label).rfind("summa", 0) == 0) break;
      held = HeldRow{label, values, ProvenanceOf(lr)};
    }
    flush();
    // Shares of the members' total per year.
    std::map<int, int64_t> totals;
    for (const MemberContribution& m : rows)
      if (m.is_member && m.amount_sek) totals[m.year] += *m.amount_sek;
    for (MemberContribution& m : rows)
      if (m.is_member && m.amount_sek && totals[m.year] > 0)
        m.share = static_cast<double>(*m.amount_sek) / static_cast<double>(totals[m.year]);
    out->insert(out->end(), rows.begin(), rows.end());
    return;  // one member note per document
  }
}

}  // namespace

std::vector<ShareClause> ParseShares(std::string_view text) {
  std::vector<ShareClause> out;
  std::string s = CollapseSpaces(text);
  std::string f = Fold(s);
  if (f.find(" med ") == std::string::npos || !SwedishShareWord(f)) return out;
  if (f.find("bidrar") == std::string::npos && f.find("finansier") == std::string::npos &&
      f.find("betalar") == std::string::npos)
    return out;
  // Sentences, then clauses at commas.
  std::vector<std::string> sentences;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == '.' && (i + 1 == s.size() || s[i + 1] == ' '))) {
      sentences.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  static const RE2 kClause(
      "^(?:och\\s+|samt\\s+)?(.+?)\\s+(?:bidrar\\s+|star\\s+for\\s+|betalar\\s+)?med\\s+(?:en\\s+|resterande\\s+|"
      "(varsin|var\\s+sin)\\s+)?(halften|halva|fjardedel|tredjedel|femtedel|sjattedel|attondel)\\b");
  for (const std::string& sentence : sentences) {
    std::string fs = Fold(sentence);
    if (!SwedishShareWord(fs) || fs.find(" med ") == std::string::npos) continue;
    for (const std::string& clause_raw : [&] {
           std::vector<std::string> cl;
           size_t a = 0;
           for (size_t i = 0; i <= sentence.size(); ++i) {
             if (i == sentence.size() || sentence[i] == ',') {
               cl.push_back(CollapseSpaces(sentence.substr(a, i - a)));
               a = i + 1;
             }
           }
           return cl;
         }()) {
      FoldedText ft = FoldWithMap(clause_raw);
      size_t pos = 0;
      while (pos < ft.folded.size()) {
        re2::StringPiece in(ft.folded.data() + pos, ft.folded.size() - pos);
        re2::StringPiece subj, each, word;
        if (!RE2::PartialMatch(in, kClause, &subj, &each, &word)) break;
        size_t s0 = subj.data() - ft.folded.data();
        std::string subject = ft.Original(clause_raw, s0, s0 + subj.size());
        // "länets kommuner tillsammans" → "länets kommuner".
        std::string fsub = Fold(subject);
        size_t tills = fsub.find(" tillsammans");
        if (tills != std::string::npos) subject = FoldWithMap(subject).Original(subject, 0, tills);
        double share = *SwedishShareWord(std::string(word));
        std::vector<std::string> subjects;
        if (!each.empty()) subjects = SplitList(subject);
        else subjects.push_back(subject);
        for (const std::string& sub : subjects) {
          Organisation o = NormalizeOrganisation(sub);
          if (o.kind.empty()) continue;
          out.push_back({o.name, o.kind, share});
        }
        // "Region Gävleborg med en fjärdedel och länets kommuner … med
        // resterande fjärdedel": the next subject follows "och"/"samt".
        size_t after = word.data() + word.size() - ft.folded.data();
        size_t och = ft.folded.find(" och ", after), samt = ft.folded.find(" samt ", after);
        size_t next = std::min(och == std::string::npos ? std::string::npos : och + 5,
                               samt == std::string::npos ? std::string::npos : samt + 6);
        if (next == std::string::npos) break;
        pos = next;
      }
    }
  }
  return out;
}

std::vector<std::string> ParseMemberList(std::string_view text, int* count) {
  std::vector<std::string> out;
  *count = 0;
  std::string s = CollapseSpaces(text);
  FoldedText ft = FoldWithMap(s);
  static const RE2 kAsMembers("\\bmed\\s+(.+?)\\s+som\\s+medlemmar");
  static const RE2 kBetween("samordning\\s+mellan\\s+(.+?)(?:\\.|\\s+i\\s+enlighet|$)");
  re2::StringPiece m;
  if (!RE2::PartialMatch(ft.folded, kAsMembers, &m) && !RE2::PartialMatch(ft.folded, kBetween, &m)) return out;
  size_t m0 = m.data() - ft.folded.data();
  std::string list = ft.Original(s, m0, m0 + m.size());
  bool kommun_names = false;  // after "kommunerna": bare names are kommuner
  int unnamed = 0;
  for (std::string item : SplitList(list)) {
    std::string fi = Fold(item);
    std::string n;
    if (RE2::FullMatch(fi, "(?:lanets|de)\\s+(\\S+)\\s+kommuner"_re, &n)) {
      if (std::optional<int> k = ParseCount(n)) unnamed += *k;
      out.push_back("Länets kommuner");
      continue;
    }
    if (fi.rfind("kommunerna ", 0) == 0) {
      kommun_names = true;
      item = FoldWithMap(item).Original(item, 11, fi.size());
    }
    Organisation o = NormalizeOrganisation(kommun_names ? item + " kommun" : item);
    if (o.kind.empty()) continue;
    if (std::find(out.begin(), out.end(), o.name) == out.end()) out.push_back(o.name);
  }
  *count = static_cast<int>(out.size()) + unnamed -
           static_cast<int>(std::count(out.begin(), out.end(), std::string("Länets kommuner")));
  return out;
}

void MergeTableContributions(const std::vector<FinancialTable>& tables, Governance* gov) {
  bool have_note = std::any_of(gov->members.begin(), gov->members.end(),
                               [](const MemberContribution& m) { return m.source == "note"; });
  static const char* const kMemberCategories[] = {"income.state", "income.region", "income.municipalities",
                                                  "income.municipality"};
  for (const FinancialTable& t : tables) {
    bool budget = t.table_kind == "budget";
    bool note = t.table_kind == "note" && !have_note && Fold(t.title).find("medlem") != std::string::npos;
    if (!budget && !note) continue;
    std::vector<MemberContribution> rows;
    for (const TableRow& r : t.rows) {
      if (r.is_header || r.is_total || r.label.empty()) continue;
      bool member_row = r.category && std::any_of(std::begin(kMemberCategories), std::end(kMemberCategories),
                                                  [&](const char* c) { return *r.category == c; });
      if (budget && !member_row) continue;
      std::string fl = Fold(r.label);
      if (fl.rfind("summa", 0) == 0 || fl.rfind("totalt", 0) == 0) continue;
      Organisation o = NormalizeOrganisation(r.label);
      for (size_t c = 0; c < r.cells.size() && c < t.columns.size(); ++c) {
        const TableColumn& col = t.columns[c];
        const TableCell& cell = r.cells[c];
        if (!col.year || !col.period.empty() || !cell.present || !cell.parsed || cell.is_percent) continue;
        if (col.kind != ColumnKind::kBudget && col.kind != ColumnKind::kPlan && col.kind != ColumnKind::kUtfall &&
            col.kind != ColumnKind::kValue)
          continue;
        MemberContribution m;
        m.organisation = o.kind.empty() ? CollapseSpaces(r.label) : o.name;
        m.organisation_kind = o.kind;
        m.is_member = !o.kind.empty();
        m.year = col.year;
        m.amount_sek = cell.amount_sek;
        m.source = note ? "note" : col.kind == ColumnKind::kPlan ? "plan" : "budget";
        m.prov.page = cell.prov.page;
        m.prov.box = cell.prov.box;
        m.prov.line_index = cell.prov.line_index;
        m.prov.raw_text = r.label + " " + cell.raw;
        m.prov.confidence = cell.prov.confidence;
        rows.push_back(std::move(m));
      }
    }
    std::map<int, int64_t> totals;
    for (const MemberContribution& m : rows)
      if (m.is_member) totals[m.year] += *m.amount_sek;
    for (MemberContribution& m : rows)
      if (m.is_member && totals[m.year] > 0)
        m.share = static_cast<double>(*m.amount_sek) / static_cast<double>(totals[m.year]);
    gov->members.insert(gov->members.end(), rows.begin(), rows.end());
    if (note) have_note = true;
  }
}

int ExtractMembers(const Document& doc, Governance* gov) {
  std::vector<LineRef> lines = AllLines(doc);
  int year = DocumentYear(doc);
  ReadNote(lines, &gov->members);
  int count = 0;
  bool have_list = false;
  for (const Paragraph& p : Paragraphs(lines)) {
    Provenance prov = ProvenanceOf(lines[p.first], p.text);
    if (!have_list) {
      int c = 0;
      std::vector<std::string> names = ParseMemberList(p.text, &c);
      if (!names.empty()) {
        have_list = true;
        count = c;
        for (const std::string& name : names) {
          MemberContribution m;
          m.organisation = name;
          m.organisation_kind = NormalizeOrganisation(name).kind;
          m.year = year;
          m.source = "list";
          m.prov = prov;
          gov->members.push_back(std::move(m));
        }
      }
    }
    for (const ShareClause& c : ParseShares(p.text)) {
      MemberContribution m;
      m.organisation = c.organisation;
      m.organisation_kind = c.kind;
      m.year = year;
      m.share = c.share;
      m.source = "prose";
      m.prov = prov;
      bool dup = std::any_of(gov->members.begin(), gov->members.end(), [&](const MemberContribution& x) {
        return x.source == "prose" && x.year == year && OrganisationKey(x.organisation) == OrganisationKey(c.organisation);
      });
      if (!dup) gov->members.push_back(std::move(m));
    }
  }
  return count;
}

}  // namespace finsam
