#pragma once

#include "demo/demo_generator.h"
#include "demo/demo_random.h"

#include <cstddef>
#include <cstdint>

namespace rd::demo {

// What a loan needs to know about its client.
struct ClientProfile {
    std::uint64_t number = 0; // 1-based; the id is CL + number
    std::size_t branch = 0;   // index into branches()
    std::size_t officer = 0;  // index into that branch's officers
    bool female = false;
    bool groupMember = false;
    std::size_t groupArea = 0; // the group's name, when groupMember, is decided with the rest
};

// Client `number`, made from the seed alone, so that a returning client comes back
// identical without being stored. `details` may be null when only the profile is needed.
void makeClient(std::uint64_t seed, std::uint64_t number, ClientProfile& profile,
                DemoClient* details);

std::string clientId(std::uint64_t number);
// A Ugandan mobile number, +2567XXXXXXXX.
std::string phoneNumber(Rng& rng);

} // namespace rd::demo
