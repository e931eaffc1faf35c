// The two table readers (see table_grid.h) and the thresholds they read
// tables with.
#ifndef FINSAM_EXTRACTORS_TABLE_READERS_H_
#define FINSAM_EXTRACTORS_TABLE_READERS_H_

#include <cstddef>
#include <vector>

#include "extractors/table_grid.h"
#include "model/document.h"

namespace finsam {

// Thresholds of the layout reader (table_layout.cc), gathered so that each is
// named once with its unit and reason. Units: "_pt" are points (1/72 inch,
// BoxUnit::kPoint pages: text layer and OCR alike); "_heights" are multiples
// of the height of the word or band in question; "_pitches" are multiples of
// the table's line pitch (see min_pitch_pt); page_foot_fraction is a
// fraction of the page height. The defaults are the values the corpus and
// the golden files were tuned with: changing one changes extraction output.
struct LayoutParams {
  // --- Bands (rows of words) ---
  // Words share a band when their vertical extents overlap by this much of
  // the smaller height, so a label or number wrapped inside its cell ("13"
  // over "320" beside "Summa intäkter") stays one row.
  double band_overlap_heights = 0.3;
  // Words whose tops differ by at most this are on one printed line.
  double same_line_pt = 3;
  // Reading order of a wrapped label: words whose centres differ by more
  // than this much of the smaller height are on different lines.
  double reading_line_heights = 0.5;

  // --- Numbers in a cell ---
  // Words of one number ("13" "401") may overlap by this much (OCR boxes,
  // kerning) ...
  double number_overlap_pt = 1;
  // ... and lie apart by less than this (the thousands space is narrower
  // than the gap between columns).
  double number_gap_heights = 0.6;
  // ... or, on OCR words (boxes hug the ink), for a lone 1-3 digit head and
  // a 3-digit group ("1" + "603"), less than this.
  double ocr_number_gap_heights = 0.95;
  // ... or less than this many of the group's digit pitches (its box's
  // width / 3): in a monospaced face the thousands space is a whole digit
  // wide ("22" + "000" 25 px apart under 25-px-high digits 20 px a pitch).
  double ocr_head_gap_pitches = 1.6;
  // ... or, on OCR words, for a further 3-digit group of a figure whose
  // earlier groups stand apart alike ("2 361" + "500": a box that hugs
  // narrower ink widens the space), less than this and at most
  // `ocr_group_gap_ratio` times the figure's widest space so far.
  double ocr_group_gap_heights = 0.8;
  double ocr_group_gap_ratio = 1.7;
  // The lower part of a number wrapped in its cell starts more than this
  // below the upper part's top, and less than this below its bottom.
  double stacked_gap_heights = 0.5;
  // ... with its left edge within this of the upper part's.
  double stacked_align_pt = 2;

  // Figures wrapped inside their cells ("2" over "315") whose lower line
  // forms a band of its own join the row above when that band starts closer
  // than this below it (rows are set further apart than a cell's lines).
  double wrap_gap_heights = 0.6;
  // At most this many open layout decisions per table are settled by the
  // arithmetic (2^n readings are scored); later ones take the layout's
  // preference.
  int max_choice_points = 8;

  // --- Columns ---
  // Number chunks that overlap by more than this are one column.
  double column_overlap_pt = 0.5;
  // Numbers (and header words of a wrapped header) from this far left of the
  // first header token still stand under the header: right-aligned figures
  // poke out left of their header.
  double header_slack_pt = 5;
  // Slack at a column edge: a word starting this little left of the first
  // header token or of a comments header (Kommentarer) still counts as right
  // of it; a word ending this little right of the first headed column still
  // counts as a label word.
  double edge_slack_pt = 2;
  // Header words of one line closer than this form one phrase ("Utfall
  // 2020") that names one column.
  double phrase_gap_heights = 0.3;
  // The same for a period's end after its start ("2020-01-01" "-2020-12-31"):
  // a word space apart.
  double period_gap_heights = 1.0;
  // A period's end alone over no column names the column ending this many
  // of its heights to its left.
  double period_end_snap_heights = 4.0;
  // A header phrase over no column names the nearest one within
  // max(header_snap_min_pt, header_snap_widths × the column's width).
  double header_snap_min_pt = 30;
  double header_snap_widths = 1.5;
  // Number chunks ending this far left of the first column belong to the
  // label ("Trisam 2.0").
  double label_number_slack_pt = 1;

  // --- Header ---
  // A band of header words closer than this above or below the header band
  // continues the header (cells wrapped over lines: "Utfall" / "2020, tkr").
  double header_wrap_gap_heights = 0.6;
  // Headers in several rows: a row of column kinds only (Utfall Budget Plan
  // Totalt) above or below the years row, or a unit line (Tkr) between them,
  // joins the header when closer than this (multiples of the years row's
  // height; table rows are set looser than wrapped cell lines).
  double header_rows_gap_heights = 1.5;
  // A band whose gap to the band above is under tight_gap_share × the body's
  // upper-quartile gap between bands is a line break inside a cell (its label
  // continues the row above); only when that gap is at least
  // tight_gap_min_pt (tables without row padding give no such evidence).
  double tight_gap_share = 0.5;
  double tight_gap_min_pt = 2.0;
  // ... and at most this many heights of the band (the leading of lines in
  // one cell), whatever the quartile (rows set a little apart on a page
  // with few rows are rows).
  double tight_gap_max_heights = 0.2;
  // The same for a label line alone on an OCR page (word boxes hug the ink:
  // a cell's second line lies a descender and the leading below the first).
  double ocr_tight_gap_share = 0.55;
  double ocr_tight_gap_max_heights = 0.6;
  // A header line left at the foot of the previous page ends below this
  // fraction of that page's height.
  double page_foot_fraction = 0.75;
  // Running page headers and footers (not table rows): bands within this
  // fraction of the page's height from its top or bottom edge that end in a
  // page number, or that are printed the same in that margin of at least
  // running_min_pages pages (not a table header).
  double running_margin_fraction = 0.1;
  int running_min_pages = 3;

  // --- Side by side (a section of two newspaper columns) ---
  // A gutter between two page columns is at least this wide (a column gap;
  // the cells of one table stand a padding apart).
  double side_gutter_min_pt = 14;
  // Words of the right column start at its left edge within this.
  double side_edge_pt = 3;
  // A side is prose where a part of at least four words spans this much of
  // its column's width.
  double side_prose_fill = 0.7;

  // --- Body ---
  // The table's line pitch: the header's height, at least this.
  double min_pitch_pt = 14;
  // A vertical gap larger than this ends the table.
  double table_end_gap_pitches = 4.5;
  // A section header ("Kostnader 2020 2021 2022") closer than this to the
  // row above continues the table as a repeated header.
  double repeated_header_gap_pitches = 3;
  // Numbers from this far left of the first header token count as the
  // table's (a label column printed with figures in it).
  double number_reach_pt = 40;

  // --- Caption ---
  // The caption is at most this far above the header ...
  double title_max_gap_pt = 260;
  // ... within this many bands, the nearest short line being the fallback.
  int title_max_bands = 12;
  size_t title_max_chars = 70;  // a longer line is prose, not a caption
  int title_near_bands = 3;     // past this, stop at the nearest short line
};

// Thresholds of the plain-text reader (table_text.cc), in lines and
// characters.
struct TextTableParams {
  // The caption is within this many lines above the header ...
  int title_max_lines = 15;
  size_t title_max_chars = 70;  // a longer line is prose, not a caption
  int title_near_lines = 3;     // past this, stop at the nearest short line
  // Blank lines that end a table: tab-separated tables are dense, space-
  // separated ones (converted PDFs) have blank lines between sections.
  int end_blank_lines_tabbed = 2;
  int end_blank_lines_spaced = 3;
};

// Tables in plain-text input (BoxUnit::kCharCell pages).
std::vector<Grid> ReadTextTables(const Document& doc, const TextTableParams& params = TextTableParams());

// Tables on positioned-word pages (BoxUnit::kPoint: text layer or OCR).
std::vector<Grid> ReadLayoutTables(const Document& doc, const LayoutParams& params = LayoutParams());

// Tables printed transposed, on either kind of page: the years down the
// first column under a header "År" and the columns named across ("År  Staten
// Region Västmanland  Västerås stad  Summa"). Each comes back turned: a Grid
// whose headers are the years and whose rows are the named columns
// (table_transposed.cc).
std::vector<Grid> ReadTransposedTables(const Document& doc);

}  // namespace finsam

#endif  // FINSAM_EXTRACTORS_TABLE_READERS_H_
