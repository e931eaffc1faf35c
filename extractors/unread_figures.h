// Figures no reader took: runs of lines that look like rows of a table
// (a label, then two or more money figures at the end of the line) that no
// financial table and no governance item read, typically because OCR lost
// or garbled the table's header line. They are not guessed into facts; the
// document's warnings name the page, the lines and the first row, so a
// reviewer knows a table was left unread rather than absent.
#ifndef FINSAM_EXTRACTORS_UNREAD_FIGURES_H_
#define FINSAM_EXTRACTORS_UNREAD_FIGURES_H_

#include <string>
#include <vector>

#include "model/extraction.h"

namespace finsam {

// How a line ends: 2 when two or more numeric tokens close it and hold at
// least four digits that are no year ("Verksamhetens intäkter 13 401 13
// 319", "Resultat 4 887"), 1 when numeric tokens with three digits or more
// do ("Resultat 887"), 0 otherwise (a year header, a date, a percentage, a
// telephone number, prose). Exposed for tests.
int FiguresAtEnd(const std::string& line_text);

// One warning per run of at least kMinUnreadRows lines on a page that end in
// figures, two of them with level 2 (a line without figures may stand
// between two of them: a section heading; blank lines are skipped), where no
// line is the provenance of a table row or cell or of a governance item, and
// one of the kCaptionLines non-blank lines above the run names a statement
// finsam reads (resultaträkning, balansräkning, kassaflödesanalys,
// driftredovisning, budget, flerårsöversikt) or a money unit (tkr, mkr,
// "Belopp i tkr" …). `ex` is read only.
inline constexpr int kMinUnreadRows = 3;
inline constexpr int kCaptionLines = 3;
std::vector<std::string> UnreadFigureWarnings(const Extraction& ex);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_UNREAD_FIGURES_H_
