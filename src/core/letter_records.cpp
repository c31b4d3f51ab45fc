#include "letter_records.h"

#include <fmt/format.h>

namespace rd {

const char* toString(LetterDelivery delivery) {
    switch (delivery) {
    case LetterDelivery::Print:
        return "print";
    case LetterDelivery::Hand:
        return "hand";
    case LetterDelivery::Post:
        return "post";
    case LetterDelivery::Email:
        return "email";
    }
    return "print";
}

Result<LetterDelivery> parseLetterDelivery(std::string_view text) {
    for (LetterDelivery d :
         {LetterDelivery::Print, LetterDelivery::Hand, LetterDelivery::Post, LetterDelivery::Email})
        if (text == toString(d))
            return d;
    return Error{
        fmt::format("\"{}\" is not a letter delivery (use print, hand, post or email)", text),
        ErrorKind::Invalid};
}

} // namespace rd
