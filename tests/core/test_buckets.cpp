// domain.md section 4: delinquency buckets (configurable; default current, 1-30, 31-60,
// 61-90, 91-180, 181-365, 366+).

#include "core/bucket_scheme.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using rd::BucketScheme;

namespace {

std::vector<std::string> names(const BucketScheme& scheme) {
    std::vector<std::string> out;
    for (const auto& b : scheme.buckets())
        out.push_back(b.name);
    return out;
}

} // namespace

TEST_CASE("the standard scheme", "[buckets]") {
    const BucketScheme s = BucketScheme::standard();
    CHECK(names(s) == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-180",
                                               "181-365", "366+"});
    CHECK(s.size() == 7);
    CHECK(s.toText() == "30,60,90,180,365");

    const auto& b = s.buckets();
    CHECK(b[0].minDpd == 0);
    CHECK(b[0].maxDpd == 0);
    CHECK(b[1].minDpd == 1);
    CHECK(b[1].maxDpd == 30);
    CHECK(b[2].minDpd == 31);
    CHECK(b[2].maxDpd == 60);
    CHECK(b[5].minDpd == 181);
    CHECK(b[5].maxDpd == 365);
    CHECK(b[6].minDpd == 366);
    CHECK_FALSE(b[6].maxDpd.has_value());
}

TEST_CASE("the standard scheme's boundaries", "[buckets]") {
    const BucketScheme s = BucketScheme::standard();
    struct Case {
        int dpd;
        std::size_t index;
        const char* name;
    };
    for (const Case& c :
         {Case{0, 0, "current"}, Case{1, 1, "1-30"}, Case{30, 1, "1-30"}, Case{31, 2, "31-60"},
          Case{60, 2, "31-60"}, Case{61, 3, "61-90"}, Case{90, 3, "61-90"}, Case{91, 4, "91-180"},
          Case{180, 4, "91-180"}, Case{181, 5, "181-365"}, Case{365, 5, "181-365"},
          Case{366, 6, "366+"}, Case{100000, 6, "366+"}}) {
        INFO("DPD " << c.dpd);
        CHECK(s.indexFor(c.dpd) == c.index);
        CHECK(s.nameFor(c.dpd) == c.name);
    }
    // Every DPD falls in the bucket whose bounds contain it.
    for (int dpd = 0; dpd <= 800; ++dpd) {
        const auto& bucket = s.buckets()[s.indexFor(dpd)];
        INFO("DPD " << dpd);
        CHECK(bucket.minDpd <= dpd);
        CHECK((!bucket.maxDpd || dpd <= *bucket.maxDpd));
    }
}

TEST_CASE("BucketScheme::parse builds the buckets from upper bounds", "[buckets]") {
    const auto parsed = BucketScheme::parse("30,60,90");
    REQUIRE(parsed.ok());
    CHECK(names(*parsed) == std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91+"});
    CHECK(parsed->toText() == "30,60,90");
    CHECK(parsed->nameFor(90) == "61-90");
    CHECK(parsed->nameFor(91) == "91+");
    CHECK(parsed->nameFor(0) == "current");

    const auto one = BucketScheme::parse("1");
    REQUIRE(one.ok());
    CHECK(names(*one) == std::vector<std::string>{"current", "1-1", "2+"});

    const auto standard = BucketScheme::parse("30,60,90,180,365");
    REQUIRE(standard.ok());
    CHECK(names(*standard) == names(BucketScheme::standard()));

    const auto fromBounds = BucketScheme::fromUpperBounds({7, 14});
    REQUIRE(fromBounds.ok());
    CHECK(names(*fromBounds) == std::vector<std::string>{"current", "1-7", "8-14", "15+"});
}

TEST_CASE("BucketScheme::parse refuses bad bounds with a message", "[buckets]") {
    for (const char* text : {"30,20", "30,30", "abc", "0,30", "-5", "30,,60", ",30", "30;60", " 30",
                             "30 ", "30,60a", "1.5", "99999999999"}) {
        INFO("text \"" << text << "\"");
        const auto r = BucketScheme::parse(text);
        CHECK_FALSE(r.ok());
        if (!r.ok())
            CHECK_FALSE(r.error().message.empty());
    }
    const auto decreasing = BucketScheme::parse("30,20");
    REQUIRE_FALSE(decreasing.ok());
    CHECK(decreasing.error().message.find("bucket bound 20 must be greater than 30") !=
          std::string::npos);
    const auto word = BucketScheme::parse("30,abc");
    REQUIRE_FALSE(word.ok());
    CHECK(word.error().message.find("\"abc\" is not a number of days") != std::string::npos);
    CHECK_FALSE(BucketScheme::fromUpperBounds({0}).ok());
    CHECK_FALSE(BucketScheme::fromUpperBounds({10, 5}).ok());
}

TEST_CASE("BucketScheme::parse refuses an empty list and empty parts", "[buckets]") {
    CHECK_FALSE(rd::BucketScheme::parse("").ok());
    CHECK_FALSE(rd::BucketScheme::parse("30,").ok());
    CHECK_FALSE(rd::BucketScheme::parse(",30").ok());
    CHECK(rd::BucketScheme::parse("30").ok());
}
