#include "case_stage.h"

#include <fmt/format.h>

namespace rd {

const char* toString(CaseStage stage) {
    switch (stage) {
    case CaseStage::Early:
        return "early";
    case CaseStage::Collection:
        return "collection";
    case CaseStage::PreLegal:
        return "pre-legal";
    case CaseStage::Legal:
        return "legal";
    case CaseStage::PostWriteOff:
        return "post-write-off";
    }
    return "early";
}

Result<CaseStage> parseCaseStage(std::string_view text) {
    for (CaseStage s : {CaseStage::Early, CaseStage::Collection, CaseStage::PreLegal,
                        CaseStage::Legal, CaseStage::PostWriteOff})
        if (text == toString(s))
            return s;
    return Error{fmt::format("\"{}\" is not a case stage (use early, collection, pre-legal, "
                             "legal or post-write-off)",
                             text)};
}

CaseStage suggestedStage(int dpd, LoanStatus status) {
    if (status == LoanStatus::WrittenOff)
        return CaseStage::PostWriteOff;
    if (dpd > 90)
        return CaseStage::PreLegal;
    if (dpd > 30)
        return CaseStage::Collection;
    return CaseStage::Early;
}

bool needsApproval(CaseStage from, CaseStage to) {
    return to == CaseStage::Legal && from != CaseStage::Legal;
}

} // namespace rd
