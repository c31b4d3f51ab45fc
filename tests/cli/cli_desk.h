#pragma once

// A database with the worked example (L1 and L2 of Amina Nakato, Kampala Central), the
// administrator `boss` and officers and supervisors of Kampala Central whose password is
// USER-pass-1, driven through the real CLI. Shared by the desk operation tests.
#include "cli_runner.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace rd::test {

struct WorkedDesk {
    TempDir tmp;
    std::string db = (tmp / "rd.db").string();

    CliResult run(std::vector<std::string> args, const std::string& input = {}) const {
        args.insert(args.begin(), {"--db", db});
        return runCli(args, input, {"XDG_DATA_HOME=" + (tmp / "xdg").string()});
    }
    CliResult ok(std::vector<std::string> args, const std::string& input = {}) const {
        auto r = run(std::move(args), input);
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    }
    // Acts as `user` (password USER-pass-1).
    CliResult as(const std::string& user, std::vector<std::string> args) const {
        args.insert(args.end(), {"--as", user, "--password-stdin"});
        return run(std::move(args), user + "-pass-1\n");
    }
    CliResult asOk(const std::string& user, std::vector<std::string> args) const {
        auto r = as(user, std::move(args));
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    }
    // For commands refused before they read the password: no input is written, so the test
    // does not die of SIGPIPE when the CLI exits first.
    CliResult asRefusedEarly(const std::string& user, std::vector<std::string> args) const {
        args.insert(args.end(), {"--as", user, "--password-stdin"});
        return run(std::move(args));
    }
    void addUser(const std::string& name, const std::string& role) const {
        ok({"users", "add", name, "--role", role, "--branch", "Kampala Central", "--as", "boss",
            "--password-stdin"},
           "boss-pass-1\ntemp-pass-1\n");
        ok({"users", "change-password", "--as", name, "--password-stdin"},
           "temp-pass-1\n" + name + "-pass-1\n");
    }
    // The worked example, `boss`, officers akello and bosco, supervisor sarah.
    WorkedDesk() {
        ok({"import", (examplesDir() / "worked").string()});
        ok({"users", "add", "boss", "--role", "admin", "--password-stdin"}, "boss-pass-1\n");
        addUser("akello", "officer");
        addUser("bosco", "officer");
        addUser("sarah", "supervisor");
    }
};

// The text of a PDF as poppler's pdftotext reads it, with the typographic ligatures the
// layout uses spelled out.
inline std::string pdfText(const std::filesystem::path& pdf) {
    const auto txt = pdf.string() + ".txt";
    REQUIRE(std::system(("pdftotext -layout '" + pdf.string() + "' '" + txt + "'").c_str()) == 0);
    std::ifstream in(txt);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (auto [lig, plain] : {std::pair{"\xef\xac\x81", "fi"},
                              {"\xef\xac\x82", "fl"},
                              {"\xef\xac\x83", "ffi"},
                              {"\xef\xac\x80", "ff"}})
        for (auto at = text.find(lig); at != std::string::npos; at = text.find(lig))
            text.replace(at, std::string(lig).size(), plain);
    return text;
}

} // namespace rd::test
