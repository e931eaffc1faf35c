#include "extractors/board.h"

#include <re2/re2.h>

#include <algorithm>

#include "extractors/document_lines.h"
#include "extractors/organisations.h"
#include "normalizers/regex.h"
#include "normalizers/swedish_number.h"
#include "normalizers/swedish_words.h"
#include "normalizers/text.h"

namespace finsam {
namespace {

// Two to four capitalized words (hyphenated first names allowed).
const char kNamePattern[] = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?(?:\\s+\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?){1,3}";

bool IsPersonName(const std::string& text) {
  static const RE2 kName(std::string("^") + kNamePattern + "$");
  if (!RE2::FullMatch(text, kName)) return false;
  std::string f = Fold(text);
  // Headings and organisations also come as capitalized word pairs.
  static const char* const kNotNames[] = {"samordningsforbund", "region ", "kommun", "kassan", "formedlingen",
                                          "styrelse", "insats", "bilaga", "ordforande", "ledamot", "ersattare",
                                          "mal ", "budget", "not ", "summa", "kansli"};
  for (const char* w : kNotNames)
    if (f.find(w) != std::string::npos) return false;
  return true;
}

std::string NameKey(const std::string& name) { return CollapseSpaces(Fold(name)); }

// Same person: equal diacritic-free names, or (for signatures read by OCR,
// "Ove Schöénning") at most two letters apart.
bool HasMember(const Governance& gov, const std::string& name, int year, bool fuzzy = false) {
  std::string k = NameKey(name);
  return std::any_of(gov.board.begin(), gov.board.end(), [&](const BoardMember& m) {
    if (m.year != year) return false;
    std::string mk = NameKey(m.name);
    return mk == k || (fuzzy && EditDistance(mk, k) <= 2 && k.size() >= 8);
  });
}

std::string CleanLine(const LineRef& l) { return CollapseSpaces(StripHtml(l.text())); }

bool IsPageFurniture(const std::string& t) {
  if (t.empty()) return true;
  bool has_lower = false, all_digits = true;
  for (unsigned char c : t) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (!(c >= '0' && c <= '9')) all_digits = false;
  }
  return all_digits || !has_lower || t.size() <= 3;
}

// ---- Board tables read by their header row -------------------------------

enum class BoardColumn { kOther, kName, kRole, kOrganisation };

struct BoardHeaderCell {
  std::string text;
  BoardColumn kind = BoardColumn::kOther;
  std::string role;  // a name column's role ("ersättare" under "Ersättare"), "" = from a role column
  double x0 = 0, x1 = 0;
};

// What a header cell names, matched on the whole folded cell without a
// trailing year or colon: "Ledamot", "Ordinarie ledamot", "Namn", "Ersättare"
// (names), "Roll", "Uppdrag", "Funktion" (roles), "Organisation",
// "Representerar", "Huvudman" (the member organisation).
BoardColumn BoardHeaderKind(const std::string& cell, std::string* role) {
  std::string f = CollapseSpaces(Fold(cell));
  RE2::GlobalReplace(&f, "[:.]+$"_re, "");
  RE2::GlobalReplace(&f, "\\s*(?:19|20)\\d\\d$"_re, "");
  role->clear();
  if (RE2::FullMatch(f, "(?:ordinarie\\s+)?(?:ledamot|ledamoter|styrelseledamot|styrelseledamoter)|ordinarie"_re)) {
    *role = "ledamot";
    return BoardColumn::kName;
  }
  if (RE2::FullMatch(f, "namn|ledamotens namn|ledamot/namn"_re)) return BoardColumn::kName;
  if (RE2::FullMatch(f, "(?:personlig|personliga)?\\s*(?:ersattare|suppleant|suppleanter)(?:/suppleant)?"_re)) {
    *role = "ersättare";
    return BoardColumn::kName;
  }
  if (RE2::FullMatch(f, "roll|roller|uppdrag|funktion|post|uppdrag i styrelsen|roll i styrelsen"_re)) return BoardColumn::kRole;
  if (RE2::FullMatch(f, "organisation|organisationer|medlemsorganisation|representerar|representant for|huvudman|"
                        "medlem|part|nominerad av|utsedd av"_re))
    return BoardColumn::kOrganisation;
  return BoardColumn::kOther;
}

// Header words of a PDF line split into cells: at gaps wider than a few
// spaces, and inside a group where its words are header terms set close
// together ("Ordinarie ledamot Ersättare" over two narrow columns).
std::vector<BoardHeaderCell> LayoutHeaderCells(const Line& l) {
  std::vector<std::vector<const Word*>> groups;
  for (size_t k = 0; k < l.words.size(); ++k) {
    const Word& w = l.words[k];
    double gap_limit = std::max(6.0, 0.9 * w.box.height());
    if (k == 0 || w.box.x0 - l.words[k - 1].box.x1 > gap_limit) groups.emplace_back();
    groups.back().push_back(&w);
  }
  std::vector<BoardHeaderCell> out;
  auto cell_of = [](const std::vector<const Word*>& g, size_t a, size_t b) {
    BoardHeaderCell c;
    for (size_t k = a; k < b; ++k) c.text += (c.text.empty() ? "" : " ") + g[k]->text;
    c.x0 = g[a]->box.x0;
    c.x1 = g[b - 1]->box.x1;
    c.kind = BoardHeaderKind(c.text, &c.role);
    return c;
  };
  for (const auto& g : groups) {
    BoardHeaderCell whole = cell_of(g, 0, g.size());
    if (whole.kind != BoardColumn::kOther || g.size() == 1) {
      out.push_back(whole);
      continue;
    }
    // Longest header term first at each word; the group splits only when
    // every word belongs to a term.
    std::vector<BoardHeaderCell> parts;
    size_t a = 0;
    while (a < g.size()) {
      size_t b = std::min(g.size(), a + 3);
      for (; b > a; --b)
        if (cell_of(g, a, b).kind != BoardColumn::kOther) break;
      if (b == a) break;
      parts.push_back(cell_of(g, a, b));
      a = b;
    }
    if (a == g.size()) out.insert(out.end(), parts.begin(), parts.end());
    else out.push_back(whole);
  }
  return out;
}

// A board table's header: a name column and a role or organisation column;
// cells it does not know are at most as many as those it knows.
bool IsBoardHeader(const std::vector<BoardHeaderCell>& cells) {
  int names = 0, others = 0, known = 0;
  for (const BoardHeaderCell& c : cells) {
    if (c.kind == BoardColumn::kName) ++names;
    if (c.kind == BoardColumn::kRole || c.kind == BoardColumn::kOrganisation) ++others;
    if (c.kind != BoardColumn::kOther) ++known;
  }
  return names >= 1 && others >= 1 && known >= static_cast<int>(cells.size()) - known;
}

struct BoardRow {
  std::vector<std::string> cells;
  Provenance prov;
};

// Rows under a PDF header: lines on the same page while no wide gap, no
// larger type and no running text across the columns comes; words go to
// the column whose header starts at or left of them. A row ends where the
// gap between visual lines is wider than a third of the type (cell padding)
// or where a line opens a new name in the first name column while the row
// already has one (tables without padding).
size_t ReadLayoutBoardRows(const std::vector<LineRef>& lines, size_t header, const std::vector<BoardHeaderCell>& h,
                           size_t name_col, std::vector<BoardRow>* rows) {
  const Line& hl = *lines[header].line;
  const double pitch = std::max(4.0, hl.box.height());
  auto column_of = [&](double x) {
    size_t c = 0;
    for (size_t k = 0; k < h.size(); ++k)
      if (h[k].x0 - 4 <= x) c = k;
    return c;
  };
  double prev_bottom = hl.box.y1;
  size_t last = header;
  BoardRow row;
  row.cells.assign(h.size(), "");
  bool row_open = false;
  auto flush = [&]() {
    if (row_open) rows->push_back(row);
    row = BoardRow();
    row.cells.assign(h.size(), "");
    row_open = false;
  };
  for (size_t j = header + 1; j < lines.size(); ++j) {
    if (lines[j].page != lines[header].page) break;
    if (IsBlank(lines[j])) continue;
    const Line& l = *lines[j].line;
    double gap = l.box.y0 - prev_bottom;
    if (gap > 3.0 * pitch) break;
    if (l.box.x0 < h.front().x0 - 40 || l.box.height() > 1.3 * hl.box.height()) break;
    bool running = false;
    for (size_t k = 1; k < l.words.size() && !running; ++k)
      running = column_of(l.words[k].box.x0) != column_of(l.words[k - 1].box.x0) &&
                l.words[k].box.x0 - l.words[k - 1].box.x1 < 0.45 * l.words[k].box.height();
    if (running) break;
    std::vector<std::string> add(h.size());
    for (const Word& w : l.words) {
      std::string& c = add[column_of(w.box.x0)];
      c += (c.empty() ? "" : " ") + w.text;
    }
    bool new_row = gap > 0.35 * l.box.height() ||
                   (!add[name_col].empty() && IsPersonName(CollapseSpaces(row.cells[name_col])));
    if (new_row) flush();
    if (!row_open) {
      row.prov = ProvenanceOf(lines[j]);
      row_open = true;
    }
    for (size_t c = 0; c < h.size(); ++c)
      if (!add[c].empty()) row.cells[c] += (row.cells[c].empty() ? "" : " ") + add[c];
    row.prov.box.Extend(l.box);
    prev_bottom = std::max(prev_bottom, l.box.y1);
    last = j;
  }
  flush();
  return last;
}

// Rows under a text-dump header: one tab/pipe line each; a line whose name
// cell is empty goes on with the row above (a wrapped cell).
size_t ReadTextBoardRows(const std::vector<LineRef>& lines, size_t header, size_t ncols, size_t name_col,
                         std::vector<BoardRow>* rows) {
  size_t last = header;
  for (size_t j = header + 1; j < lines.size(); ++j) {
    if (IsBlank(lines[j])) {
      if (j + 1 < lines.size() && IsBlank(lines[j + 1])) break;
      continue;
    }
    const std::string& t = lines[j].text();
    if (IsPipeRule(t)) {
      last = j;
      continue;
    }
    std::vector<std::string> cells = SplitTextCells(t);
    if (cells.empty()) break;
    cells.resize(std::max(cells.size(), ncols));
    if (cells[name_col].empty() && !rows->empty()) {
      for (size_t c = 0; c < ncols; ++c)
        if (!cells[c].empty()) rows->back().cells[c] += " " + cells[c];
    } else {
      BoardRow r;
      r.cells.assign(cells.begin(), cells.begin() + ncols);
      r.prov = ProvenanceOf(lines[j]);
      rows->push_back(std::move(r));
    }
    last = j;
  }
  return last;
}

// The year a heading just above the table gives ("Styrelsen 2025",
// "Styrelsens sammansättning 2024"), else `year`.
int BoardYearAbove(const std::vector<LineRef>& lines, size_t i, int year) {
  for (size_t k = i >= 4 ? i - 4 : 0; k < i; ++k) {
    std::string f = Fold(CleanLine(lines[k]));
    int y = 0;
    if (f.size() < 60 && RE2::PartialMatch(f, "styrelse\\D{0,30}\\b((?:19|20)\\d\\d)\\b"_re, &y)) year = y;
  }
  return year;
}

void ReadBoardTables(const std::vector<LineRef>& lines, int default_year, Governance* gov, std::vector<bool>* consumed) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsBlank(lines[i])) continue;
    const bool text = lines[i].page->unit == BoxUnit::kCharCell;
    std::vector<BoardHeaderCell> h;
    if (text) {
      for (const std::string& c : SplitTextCells(lines[i].text())) {
        BoardHeaderCell cell;
        cell.text = c;
        cell.kind = BoardHeaderKind(c, &cell.role);
        h.push_back(cell);
      }
    } else {
      h = LayoutHeaderCells(*lines[i].line);
    }
    if (h.size() < 2 || !IsBoardHeader(h)) continue;
    size_t name_col = h.size(), role_col = h.size(), org_col = h.size();
    for (size_t c = 0; c < h.size(); ++c) {
      if (h[c].kind == BoardColumn::kName && name_col == h.size()) name_col = c;
      if (h[c].kind == BoardColumn::kRole && role_col == h.size()) role_col = c;
      if (h[c].kind == BoardColumn::kOrganisation && org_col == h.size()) org_col = c;
    }
    std::vector<BoardRow> rows;
    size_t last = text ? ReadTextBoardRows(lines, i, h.size(), name_col, &rows)
                       : ReadLayoutBoardRows(lines, i, h, name_col, &rows);
    int year = BoardYearAbove(lines, i, default_year);
    // Without a board word in the header or a "styrelse" line just above, a
    // Namn | Roll | Organisation table may list staff or a working group:
    // only rows whose role is a board role are members then.
    bool board_context = false;
    for (const BoardHeaderCell& c : h) board_context = board_context || !c.role.empty();
    for (size_t k = i >= 6 ? i - 6 : 0; k < i && !board_context; ++k)
      board_context = Fold(CleanLine(lines[k])).find("styrelse") != std::string::npos;
    int found = 0;
    for (const BoardRow& r : rows) {
      std::string organisation, kind;
      if (org_col < h.size() && !r.cells[org_col].empty()) {
        // "Granby kommun, socialnämnden": the organisation before the comma
        // when the registry knows it.
        std::string cell = CollapseSpaces(r.cells[org_col]);
        size_t comma = cell.find(',');
        if (comma != std::string::npos && LooksLikeOrganisation(cell.substr(0, comma))) cell = cell.substr(0, comma);
        Organisation o = NormalizeOrganisation(cell);
        organisation = o.name;
        kind = o.kind;
      }
      for (size_t c = 0; c < h.size(); ++c) {
        if (h[c].kind != BoardColumn::kName) continue;
        std::string name = CollapseSpaces(r.cells[c]);
        // A party after the name ("Anna Exempel (S)") or a role after a comma.
        std::string role_here;
        RE2::GlobalReplace(&name, "\\s*\\([^)]*\\)$"_re, "");
        size_t comma = name.find(',');
        if (comma != std::string::npos) {
          role_here = NormalizeRole(CollapseSpaces(name.substr(comma + 1)));
          name = CollapseSpaces(name.substr(0, comma));
        }
        if (!IsPersonName(name)) continue;
        // The role column speaks for the first name column.
        const std::string column_role =
            c == name_col && role_col < h.size() ? NormalizeRole(r.cells[role_col]) : std::string();
        if (!board_context && column_role.empty()) continue;
        BoardMember m;
        m.name = name;
        m.role = !h[c].role.empty() ? h[c].role : "ledamot";
        if (!column_role.empty()) m.role = column_role;
        if (!role_here.empty()) m.role = role_here;
        m.organisation = organisation;
        m.organisation_kind = kind;
        m.year = year;
        m.source = "table";
        std::string raw;
        for (const std::string& cell : r.cells)
          if (!cell.empty()) raw += (raw.empty() ? "" : " | ") + cell;
        m.prov = r.prov;
        m.prov.raw_text = raw;
        ++found;
        if (!HasMember(*gov, m.name, year)) gov->board.push_back(std::move(m));
      }
    }
    if (found == 0) continue;
    for (size_t k = i; k <= last; ++k) (*consumed)[k] = true;
    i = last;
  }
}

void ReadMemberLists(const std::vector<LineRef>& lines, int default_year, Governance* gov) {
  static const RE2 kHeading(
      "^(?:\\d[\\d.]*\\s+)?styrelsens?\\s+(?:sammansattning|ledamoter|ledamot och ersattare)(?:\\s+(?:ar\\s+)?((?:19|20)\\d\\d))?\\s*:?$");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string f = Fold(CleanLine(lines[i]));
    std::string year_text;
    if (!RE2::FullMatch(f, kHeading, &year_text)) continue;
    int year = year_text.empty() ? default_year : std::stoi(year_text);
    std::string role = "ledamot";
    for (size_t j = i + 1; j < lines.size(); ++j) {
      std::string t = CleanLine(lines[j]);
      std::string ft = Fold(t);
      if (t.empty()) continue;
      if (ft.rfind("ordinarie", 0) == 0 || ft.rfind("ledamoter", 0) == 0 || ft == "ledamot:") {
        role = "ledamot";
        continue;
      }
      if (ft.rfind("ersattare", 0) == 0 || ft.rfind("suppleanter", 0) == 0) {
        role = "ersättare";
        continue;
      }
      std::optional<BoardMember> m = ParseMemberEntry(lines[j].text(), role);
      if (!m) {
        if (IsPageFurniture(t)) continue;
        break;
      }
      m->year = year;
      m->source = lines[j].text().find('\t') != std::string::npos ? "table" : "list";
      m->prov = ProvenanceOf(lines[j]);
      if (!HasMember(*gov, m->name, year)) gov->board.push_back(std::move(*m));
    }
  }
}

void ReadSignatures(const std::vector<LineRef>& lines, int year, Governance* gov) {
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string name = CleanLine(lines[i]);
    if (!IsPersonName(name)) continue;
    if (!Continues(lines[i], lines[i + 1])) continue;
    std::string role_line = CleanLine(lines[i + 1]);
    std::string role = NormalizeRole(role_line);
    if (role.empty() || role_line.size() > 80) continue;
    if (HasMember(*gov, name, year, /*fuzzy=*/true)) continue;
    BoardMember m;
    m.name = name;
    m.role = role;
    m.year = year;
    m.source = "signature";
    m.prov = ProvenanceOf(lines[i], name + " / " + role_line);
    gov->board.push_back(std::move(m));
  }
}

void ReadOfficers(const std::vector<LineRef>& lines, int year, Governance* gov) {
  std::vector<Paragraph> paras = Paragraphs(lines);
  for (size_t p = 0; p < paras.size(); ++p) {
    std::string head = Fold(paras[p].text);
    if (head == "revisorer" || head == "revision") {
      static const RE2 kFor("^for (.+?):\\s*(.+)$");
      for (size_t q = p + 1; q < paras.size() && q <= p + 5; ++q) {
        const std::string& text = paras[q].text;
        FoldedText ft = FoldWithMap(text);
        re2::StringPiece who, rest;
        if (!RE2::FullMatch(ft.folded, kFor, &who, &rest)) continue;
        size_t w0 = who.data() - ft.folded.data(), r0 = rest.data() - ft.folded.data();
        std::string appointed = ft.Original(text, w0, w0 + who.size());
        std::string rhs = ft.Original(text, r0, r0 + rest.size());
        while (!rhs.empty() && rhs.back() == '.') rhs.pop_back();
        std::string firm;
        size_t comma = rhs.rfind(',');
        if (comma != std::string::npos) {
          firm = CollapseSpaces(rhs.substr(comma + 1));
          rhs = rhs.substr(0, comma);
        }
        // "Nils Westling och sakkunnigt biträde Cecilia Axelsson"
        std::vector<std::string> parts;
        size_t start = 0;
        for (;;) {
          size_t och = rhs.find(" och ", start);
          parts.push_back(rhs.substr(start, och == std::string::npos ? std::string::npos : och - start));
          if (och == std::string::npos) break;
          start = och + 5;
        }
        for (std::string part : parts) {
          part = CollapseSpaces(part);
          std::string role = "revisor";
          std::string fp = Fold(part);
          for (const char* r : {"sakkunnigt bitrade ", "sakkunnig "}) {
            if (fp.rfind(r, 0) == 0) {
              FoldedText fpt = FoldWithMap(part);
              size_t n = std::char_traits<char>::length(r);
              role = CollapseSpaces(fpt.Original(part, 0, n));
              part = CollapseSpaces(fpt.Original(part, n, fpt.folded.size()));
              break;
            }
          }
          if (!IsPersonName(part)) continue;
          Officer o;
          o.kind = "revisor";
          o.name = part;
          o.role = role;
          o.organisation = firm;
          o.appointed_by = CollapseSpaces(appointed);
          o.year = year;
          size_t li = paras[q].first;
          o.prov = ProvenanceOf(lines[li], text);
          gov->officers.push_back(std::move(o));
        }
      }
    }
    if (head == "kansli" && p + 1 < paras.size()) {
      const std::string& text = paras[p + 1].text;
      FoldedText ft = FoldWithMap(text);
      static const RE2 kRole(
          "\\b(forbundschef|verksamhetsutvecklare|ekonomiansvarig|ekonom|administrativ assistent|"
          "processledare|controller|utvecklingsledare|kommunikator|handlaggare|samordnare)\\b");
      re2::StringPiece in(ft.folded);
      re2::StringPiece m;
      while (RE2::FindAndConsume(&in, kRole, &m)) {
        size_t b = m.data() - ft.folded.data();
        Officer o;
        o.kind = "kansli";
        o.role = ft.Original(text, b, b + m.size());
        o.year = year;
        o.prov = ProvenanceOf(lines[paras[p + 1].first], text);
        bool dup = std::any_of(gov->officers.begin(), gov->officers.end(), [&](const Officer& x) {
          return x.kind == "kansli" && Fold(x.role) == Fold(o.role);
        });
        if (!dup) gov->officers.push_back(std::move(o));
      }
    }
  }
}

}  // namespace

std::string NormalizeRole(std::string_view text) {
  std::string f = CollapseSpaces(Fold(text));
  if (f.rfind("vice ordf", 0) == 0 || f.rfind("v. ordf", 0) == 0 || f.rfind("vice ordf", 0) == 0) return "vice ordförande";
  if (f.rfind("ordf", 0) == 0) return "ordförande";
  if (f.rfind("ledamot", 0) == 0 || f.rfind("ledamoter", 0) == 0) return "ledamot";
  if (f.rfind("ersattare", 0) == 0 || f.rfind("suppleant", 0) == 0) return "ersättare";
  // Garbled stripped spellings: "erséttare" folds to "ersettare".
  static const RE2 kErs("^ers.{0,2}ttare");
  if (RE2::PartialMatch(f, kErs)) return "ersättare";
  return "";
}

std::optional<BoardMember> ParseMemberEntry(std::string_view text, std::string_view default_role) {
  std::string raw = StripHtml(text);
  std::string t(text);
  BoardMember m;
  if (t.find('\t') != std::string::npos) {
    std::vector<std::string> cells;
    size_t start = 0;
    for (;;) {
      size_t tab = t.find('\t', start);
      std::string c = CollapseSpaces(StripHtml(t.substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (!c.empty()) cells.push_back(c);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() < 2 || !IsPersonName(cells[0])) return std::nullopt;
    m.name = cells[0];
    for (size_t i = 1; i < cells.size(); ++i) {
      std::string r = NormalizeRole(cells[i]);
      if (!r.empty()) {
        m.role = r;
      } else if (m.organisation.empty()) {
        Organisation o = NormalizeOrganisation(cells[i]);
        m.organisation = o.name;
        m.organisation_kind = o.kind;
      }
    }
    if (m.role.empty()) m.role = std::string(default_role);
    return m;
  }
  raw = CollapseSpaces(raw);
  size_t comma = raw.find(',');
  if (comma == std::string::npos) {
    // A bare name under a "Ledamöter:" heading.
    if (!IsPersonName(raw)) return std::nullopt;
    m.name = raw;
    m.role = std::string(default_role);
    return m;
  }
  std::string name = CollapseSpaces(raw.substr(0, comma));
  if (!IsPersonName(name)) return std::nullopt;
  std::string rest = CollapseSpaces(raw.substr(comma + 1));
  m.name = name;
  m.role = std::string(default_role);
  // "Region Gävleborg - ordförande", "Hofors kommun – vice ordförande",
  // "Region Gävleborg, ordförande".
  FoldedText ft = FoldWithMap(rest);
  static const RE2 kRoleTail("^(.*?)\\s*(?:-|,|\\()\\s*((?:vice )?ordf\\S*|ledamot|ers\\S{1,3}ttare|suppleant)\\)?\\s*$");
  re2::StringPiece org, role;
  if (RE2::FullMatch(ft.folded, kRoleTail, &org, &role)) {
    size_t o0 = org.data() - ft.folded.data();
    size_t r0 = role.data() - ft.folded.data();
    std::string r = NormalizeRole(ft.Original(rest, r0, r0 + role.size()));
    if (!r.empty()) m.role = r;
    rest = CollapseSpaces(ft.Original(rest, o0, o0 + org.size()));
  }
  if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  Organisation o = NormalizeOrganisation(rest);
  m.organisation = o.name;
  m.organisation_kind = o.kind;
  return m;
}

bool ParseComposition(std::string_view paragraph, BoardComposition* out) {
  std::string f = Fold(CollapseSpaces(paragraph));
  bool any = false;
  static const RE2 kSize(
      "(\\S+)\\s+(?:ordinarie\\s+)?ledam\\S{1,3}ter\\s+(?:och|samt)\\s+(\\S+)\\s+(?:ers\\S{1,3}ttare|suppleanter)");
  std::string a, b;
  if (f.find("styrelse") != std::string::npos && RE2::PartialMatch(f, kSize, &a, &b)) {
    std::optional<int> n = ParseCount(a), d = ParseCount(b);
    if (n && d) {
      out->members = *n;
      out->deputies = *d;
      any = true;
    }
  }
  static const RE2 kMeetings(
      "styrelsen\\s+har\\s+(?:under\\s+\\S+\\s+)?(?:haft|sammantratt|hallit)\\s+(\\S+)\\s+(?:protokollforda\\s+)?"
      "(?:moten|sammantraden|ganger|styrelsemoten)(?:\\s+under\\s+((?:19|20)\\d\\d))?");
  std::string year;
  if (RE2::PartialMatch(f, kMeetings, &a, &year)) {
    if (std::optional<int> n = ParseCount(a)) {
      out->meetings = *n;
      any = true;
      if (!year.empty() && !out->year) out->year = std::stoi(year);
    }
  }
  static const RE2 kFees(
      "arvoden?\\s+(?:till|for)\\s+(?:styrelsen|styrelsens ledamoter|ledamoterna)[^.]*?(\\d[\\d ]*(?:,\\d+)?)\\s*"
      "(tkr|mkr|kr|kronor|tusen kronor)\\b");
  std::string unit;
  if (RE2::PartialMatch(f, kFees, &a, &unit)) {
    if (std::optional<double> v = ParseAmount(CollapseSpaces(a))) {
      int64_t scale = unit == "tkr" || unit == "tusen kronor" ? 1000 : unit == "mkr" ? 1000000 : 1;
      out->fees_sek = static_cast<int64_t>(*v * scale + (*v >= 0 ? 0.5 : -0.5));
      any = true;
    }
  }
  return any;
}

void ExtractBoard(const Document& doc, int member_count, Governance* gov) {
  std::vector<LineRef> lines = AllLines(doc);
  int year = DocumentYear(doc);
  // Tables with a header row first; the list and signature readers then see
  // the document without the tables' lines, so no header is read as a name.
  std::vector<bool> consumed(lines.size(), false);
  ReadBoardTables(lines, year, gov, &consumed);
  std::vector<LineRef> rest;
  static const Line kBlank;
  for (size_t k = 0; k < lines.size(); ++k) rest.push_back(consumed[k] ? LineRef{lines[k].page, &kBlank} : lines[k]);
  ReadMemberLists(rest, year, gov);
  ReadSignatures(rest, year, gov);
  ReadOfficers(lines, year, gov);

  BoardComposition comp;
  bool have = false;
  for (const Paragraph& p : Paragraphs(lines)) {
    BoardComposition c;
    if (ParseComposition(p.text, &c)) {
      Provenance prov = ProvenanceOf(lines[p.first], p.text);
      if (c.members && !comp.members) {
        comp.members = c.members;
        comp.deputies = c.deputies;
        comp.prov = prov;
      }
      if (c.meetings && !comp.meetings) comp.meetings = c.meetings;
      if (c.fees_sek && !comp.fees_sek) comp.fees_sek = c.fees_sek;
      if (c.year && !comp.year) comp.year = c.year;
      if (!have && !c.members) comp.prov = prov;
      have = true;
    }
    // "en styrelse till vilken respektive medlem utsett varsin ledamot och
    // ersättare": one of each per member organisation.
    std::string f = Fold(p.text);
    if (member_count > 0 && !comp.members && f.find("styrelse") != std::string::npos &&
        RE2::PartialMatch(f, "(?:varsin|var sin|vardera en)\\s+ledamot\\s+(?:och|samt)\\s+(?:en\\s+)?ers\\S{1,3}ttare"_re)) {
      comp.members = member_count;
      comp.deputies = member_count;
      comp.prov = ProvenanceOf(lines[p.first], p.text);
      comp.prov.confidence *= 0.8;  // derived from the member count, not stated
      have = true;
    }
  }
  if (have) {
    if (!comp.year) comp.year = year;
    gov->composition.push_back(std::move(comp));
  }
}

}  // namespace finsam
