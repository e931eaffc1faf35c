#include "extractors/financial_tables.h"

namespace finsam {

std::vector<FinancialTable> ExtractFinancialTables(const Document& doc) { return {}; }

}  // namespace finsam
