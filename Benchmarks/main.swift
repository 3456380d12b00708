// Release-mode benchmarks of the whole client: `swift run -c release cryptopay-benchmarks [--json] [--filter NAME]`.
//
// Every figure is the median of at least 5 rounds, printed with its spread (the lowest and highest round). The
// references run in the same process, interleaved round by round with ours (the order rotates each round), so that
// a noisy machine moves both; the ratio of a round is ours ÷ the reference in that round, in the figure's unit (for
// times, above 1 is slower; for rates, above 1 is faster). Single-threaded CPU-bound figures (decoding, hashing,
// verifying) count CPU time, which other processes on a shared machine disturb far less than wall time; latency,
// throughput and pagination are wall time. External references (OpenSSL, Python `standardwebhooks`) run as one
// process per round between our rounds; when one is not installed its figure is marked missing and ours is still
// printed. BENCHMARKS.md has the last run and what each figure measures.

import Foundation

switch Options.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let usage):
    if let message = usage.message {
        FileHandle.standardError.write(Data("error: \(message)\n\(Options.usage)\n".utf8))
        exit(2)
    }
    print(Options.usage)
case .success(let options):
    await Benchmarks.main(options)
}
