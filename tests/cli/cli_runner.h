#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace rd::test {

struct CliResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the real recoverydesk-cli binary with `args`, optional standard input and extra
// environment variables ("NAME=value"), capturing its output.
CliResult runCli(const std::vector<std::string>& args, const std::string& input = {},
                 const std::vector<std::string>& env = {});

// A fresh directory under the system temp folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);
std::filesystem::path examplesDir();

} // namespace rd::test
