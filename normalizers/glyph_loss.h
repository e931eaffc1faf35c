// Words a PDF text layer printed without some of their glyphs: a font whose
// ToUnicode map lacks å/ä/ö gives '"', '!', '#', '$' or a space in their
// place ("Nettooms ttning", "R\"relseint kter", " rets resultat"), one that
// lacks its ligatures gives a space for tt/ft/fi/ti/fl/ff ("Ne oomsä ning").
// Repairs a short text (a table row label) against the Swedish lexicon: a
// damaged word (a symbol inside it, or no word as printed) is rebuilt with
// the lost letters when exactly that yields a word the lexicon knows; words
// that read as printed are never changed.
#ifndef FINSAM_NORMALIZERS_GLYPH_LOSS_H_
#define FINSAM_NORMALIZERS_GLYPH_LOSS_H_

#include <string>

#include "normalizers/swedish_lexicon.h"

namespace finsam {

// `text` with lost glyphs restored where the lexicon confirms them; `text`
// unchanged when nothing is damaged or no repair reads as a word. Words are
// separated by single spaces in the result.
std::string RepairLostGlyphs(const std::string& text, const SwedishLexicon& lex);

}  // namespace finsam

#endif  // FINSAM_NORMALIZERS_GLYPH_LOSS_H_
