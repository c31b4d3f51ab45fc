// Writes the demo portfolio as import files without importing it (the benchmark's input).
// Run: write_demo_files LOANS DIR [AS_OF] [SEED]
#include "demo/demo_generator.h"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: write_demo_files LOANS DIR [AS_OF] [SEED]\n");
        return 2;
    }
    rd::demo::DemoOptions options;
    options.loans = std::atoll(argv[1]);
    options.asOf = rd::Date::parse(argc > 3 ? argv[3] : "2026-11-28").value();
    options.seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 7;
    const auto written = rd::demo::writeDemoFiles(options, argv[2]);
    if (!written) {
        std::fprintf(stderr, "%s\n", written.error().message.c_str());
        return 1;
    }
    std::printf("%lld loans, %lld installments, %lld payments in %s\n",
                static_cast<long long>(written->loans),
                static_cast<long long>(written->installments),
                static_cast<long long>(written->payments), argv[2]);
    return 0;
}
