#pragma once

#include <string>
#include <string_view>

namespace rd::storage {

// Argon2id password hashing with libsodium (crypto_pwhash_str, the "interactive" limits:
// about 64 MiB and a fraction of a second per hash). The result is libsodium's
// self-describing string ($argon2id$v=19$m=...,t=...,p=...$salt$hash) with a random salt,
// so two hashes of one password differ. Throws std::runtime_error when libsodium cannot
// start or the memory for the hash is not available.
std::string hashPassword(std::string_view password);

// True when `password` matches `hash` (a string made by hashPassword). A malformed hash
// never matches.
bool verifyPassword(std::string_view hash, std::string_view password);

// A random password of `length` characters from letters and digits that are hard to
// confuse when read aloud or copied from a screen (no 0/O, 1/l/I).
std::string randomPassword(int length = 12);

} // namespace rd::storage
