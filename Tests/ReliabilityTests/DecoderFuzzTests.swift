import CryptoPayCore
import Foundation
import TestKit
import XCTest

/// Item 4: a deterministic, seeded mutation fuzzer over every fixture, every provider decoder and every webhook
/// verifier. Case `n` of a run is fully determined by the run's seed and `n` (which target, which seed, which
/// mutation, which bytes), so a failure reported as `seed/case` replays exactly.
///
/// `swift test` runs 100,000 cases; `CRYPTOPAY_FUZZ_CASES=1000000` runs more, `CRYPTOPAY_FUZZ_SEED` another seed.
/// Under the thread sanitizer (several times slower) the default drops to 10,000, enough to race the shared
/// clients and verifiers. Zero crashes (the process survives), zero non-`PaymentError` failures, and every
/// failure of a kind its target allows (`webhookRejected` for webhooks, `decoding` for success bodies of providers
/// that have no error-in-200 convention).
final class DecoderFuzzTests: XCTestCase {
    static let defaultCases = 100_000
    static let defaultSeed: UInt64 = 0x00C0_FFEE_5EED

    func testEveryDecoderAndVerifierSurvivesMutatedFixtures() async throws {
        let environment = ProcessInfo.processInfo.environment
        let sanitized = ThreadSanitizer.isActive
        let cases = environment["CRYPTOPAY_FUZZ_CASES"].flatMap(Int.init) ?? (sanitized ? 10_000 : Self.defaultCases)
        let seed = environment["CRYPTOPAY_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) } ?? Self.defaultSeed
        let (targets, fixtureCount) = try await FuzzTargets.all()
        XCTAssertTrue(targets.allSatisfy { !$0.seeds.isEmpty }, "a target has no seed")
        let unused = try FixtureSet.load().unused(by: targets)
        XCTAssertEqual(unused, [], "every fixture seeds a target")
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let started = Date()
        let cpuStarted = ProcessorTime.used()

        let tallies = await withTaskGroup(of: FuzzTally.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var tally = FuzzTally()
                    for index in stride(from: worker, to: cases, by: workers) {
                        await Self.run(case: index, seed: seed, targets: targets, into: &tally)
                    }
                    return tally
                }
            }
            var total = FuzzTally()
            for await tally in group { total.merge(tally) }
            return total
        }
        let elapsed = Date().timeIntervalSince(started)
        let cpu = ProcessorTime.used() - cpuStarted

        XCTAssertEqual(tallies.cases, cases)
        XCTAssertEqual(tallies.failures.count, 0, tallies.failures.prefix(10).joined(separator: "\n"))
        XCTAssertEqual(Set(tallies.byMutation.keys), Set(Mutation.allCases.map(\.rawValue)), "every mutation ran")
        let mutations = tallies.byMutation.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let kinds = tallies.byKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        print(
            "fuzz: \(cases) cases (seed \(String(seed, radix: 16))) over \(targets.count) targets and "
                + "\(fixtureCount) fixtures in " + String(format: "%.1f s (%.1f s of CPU)", elapsed, cpu)
                + " on \(workers) workers\(sanitized ? " under the thread sanitizer" : ""): "
                + "\(tallies.accepted) accepted, \(cases - tallies.accepted) rejected as PaymentError, "
                + "\(tallies.failures.count) failures, 0 crashes\n  mutations: \(mutations.joined(separator: ", "))"
                + "\n  rejections: \(kinds.joined(separator: ", "))"
        )
        if !sanitized && environment["CRYPTOPAY_FUZZ_CASES"] == nil {
            XCTAssertLessThan(elapsed, 60, "the fuzz run must stay under 60 s")
        }
    }

    /// Runs case `index`: picks the target, the seed and the mutation from the case's own generator.
    private static func run(case index: Int, seed: UInt64, targets: [FuzzTarget], into tally: inout FuzzTally) async {
        var random = SeededRandom(seed: seed, case: index)
        let target = targets[index % targets.count]
        let source = target.seeds[random.below(target.seeds.count)]
        let mutation = Mutation.allCases[random.below(Mutation.allCases.count)]
        let input = Data(Mutator.mutate(source, mutation, &random))
        tally.cases += 1
        tally.byMutation[mutation.rawValue, default: 0] += 1
        do {
            try await target.run(input)
            tally.accepted += 1
        } catch let error as PaymentError {
            tally.byKind[error.kind.name, default: 0] += 1
            if let allowed = target.allowed, !allowed.contains(error.kind) {
                tally.fail(
                    "case \(String(seed, radix: 16))/\(index) \(target.name) \(source.name) \(mutation): "
                        + "\(error.kind) not allowed: \(error)")
            }
        } catch {
            tally.fail(
                "case \(String(seed, radix: 16))/\(index) \(target.name) \(source.name) \(mutation): "
                    + "\(type(of: error)) is not a PaymentError: \(error)")
        }
    }
}

/// What one worker saw.
struct FuzzTally: Sendable {
    var cases = 0
    var accepted = 0
    var byMutation: [String: Int] = [:]
    var byKind: [String: Int] = [:]
    var failures: [String] = []

    mutating func fail(_ message: String) {
        if failures.count < 50 { failures.append(message) }
    }

    mutating func merge(_ other: FuzzTally) {
        cases += other.cases
        accepted += other.accepted
        byMutation.merge(other.byMutation, uniquingKeysWith: +)
        byKind.merge(other.byKind, uniquingKeysWith: +)
        failures += other.failures
    }
}

/// The CPU time this process has used, user and system, in seconds.
enum ProcessorTime {
    static func used() -> TimeInterval {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = TimeInterval(usage.ru_utime.tv_sec) + TimeInterval(usage.ru_utime.tv_usec) / 1e6
        let system = TimeInterval(usage.ru_stime.tv_sec) + TimeInterval(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}

/// Whether this process runs under the thread sanitizer, whose runtime exports `__tsan_init`.
enum ThreadSanitizer {
    static let isActive: Bool = {
        #if canImport(Glibc)
            return dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil
        #else
            return false
        #endif
    }()
}
