import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What one figure measures and how its value is read.
struct Metric: Sendable {
    /// The figure's name, as matched by `--filter` and printed (`decode.usegateway`).
    var name: String
    /// The unit of the value (`µs`, `MiB/s`, `req/s`, `MiB`).
    var unit: String
    /// True for rates (more is better), false for costs (less is better).
    var higherIsBetter: Bool
    /// The goals, each a bound on the ratio against one reference.
    var goals: [Goal] = []
    /// An absolute goal: the value must stay below this (memory growth in MiB).
    var limit: Double?
    /// False where a ratio says nothing (growth in MiB that may be zero): references are shown by value only.
    var showsRatio = true
}

/// A bound on a ratio (ours ÷ reference, in the figure's unit).
struct Goal: Sendable {
    /// The reference the ratio is taken against.
    var reference: String
    /// The bound.
    var bound: Double
    /// True when the ratio must be at most `bound`, false when at least.
    var atMost: Bool
    /// Compares our median with `bound` times the reference's median instead of the median of the round ratios,
    /// for values near zero (memory growth) whose ratio says nothing.
    var byValue = false

    func isMet(by ratio: Double) -> Bool { atMost ? ratio <= bound : ratio >= bound }

    var text: String {
        if byValue { return "\(atMost ? "≤" : "≥") \(reference)'s value" }
        return "\(atMost ? "≤" : "≥") \(format(bound, digits: 2))× vs \(reference)"
    }
}

/// One contender's values across rounds, one per round.
struct Samples: Sendable {
    var values: [Double] = []

    var median: Double { Statistics.median(values) }
    var low: Double { values.min() ?? .nan }
    var high: Double { values.max() ?? .nan }
}

/// A reference's result on one figure: its values and the per-round ratio of ours to it, or why it is missing.
struct ReferenceResult: Sendable {
    var name: String
    var samples = Samples()
    var ratios = Samples()
    var missing: String?
}

/// A finished figure: our value per round, each reference's, the ratios, and notes (series, context).
struct Figure: Sendable {
    var metric: Metric
    var ours = Samples()
    var references: [ReferenceResult] = []
    var notes: [String] = []

    /// The reference a goal names, when it was measured.
    func reference(for goal: Goal) -> ReferenceResult? {
        references.first { $0.name == goal.reference && $0.missing == nil && !$0.ratios.values.isEmpty }
    }

    /// Whether a goal is met by the median ratio; `nil` when its reference is missing.
    func isMet(_ goal: Goal) -> Bool? {
        guard let reference = reference(for: goal) else { return nil }
        guard goal.byValue else { return goal.isMet(by: reference.ratios.median) }
        let bound = goal.bound * reference.samples.median
        return goal.atMost ? ours.median <= bound : ours.median >= bound
    }

    /// Whether our median stays below an absolute limit.
    func isMet(limit: Double) -> Bool { ours.median < limit }
}

enum Statistics {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The value at quantile `q` (0…1) of `values` by the nearest-rank method.
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// `12.3`, `0.0456`: about four significant digits, never exponent notation.
func format(_ value: Double, digits: Int? = nil) -> String {
    guard value.isFinite else { return "n/a" }
    if let digits { return String(format: "%.\(digits)f", value) }
    let magnitude = abs(value)
    let decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : magnitude >= 1 ? 2 : 3
    return String(format: "%.\(decimals)f", value)
}

/// A running checksum of results that the optimizer cannot drop and that repeated values cannot cancel
/// (multiply-and-add, not XOR). It is printed at the end of a run.
final class Checksum: @unchecked Sendable {
    static let shared = Checksum()

    // Guards `value`.
    private let lock = NSLock()
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    func fold(_ part: UInt64) {
        lock.withLock { value = Self.mix(value, part) }
    }

    var current: UInt64 { lock.withLock { value } }

    /// One step of an FNV-style mix: every input changes every later state.
    @inline(__always)
    static func mix(_ state: UInt64, _ part: UInt64) -> UInt64 {
        (state ^ part) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9_7f4a_7c15
    }
}

/// Operations timed by ``microsecondsPerOperation(operations:seconds:_:)``, printed with `--ours-only` so that a
/// profile's counters (`perf stat -e instructions`) can be divided by it.
final class OperationCount: @unchecked Sendable {
    static let shared = OperationCount()

    // Guards `total`.
    private let lock = NSLock()
    private var total = 0

    func add(_ count: Int) {
        lock.withLock { total += count }
    }

    var value: Int { lock.withLock { total } }
}

/// Monotonic nanoseconds.
@inline(__always)
func nanoseconds() -> UInt64 {
    DispatchTime.now().uptimeNanoseconds
}

/// CPU time this process has used, in nanoseconds (`CLOCK_PROCESS_CPUTIME_ID`).
///
/// The single-threaded, CPU-bound figures (decoding, hashing, verification) are measured in CPU time: on a shared
/// machine, wall time also counts the time other processes held the core, which moves from round to round; CPU
/// time does not. (`openssl speed` measures user CPU time too, and the Python reference uses `process_time`.)
func cpuNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

/// Runs `batch` (which performs `operations` operations and returns a checksum part) for at least `seconds` of CPU
/// time, and returns the mean CPU time of one operation in microseconds.
func microsecondsPerOperation(
    operations: Int,
    seconds: Double,
    _ batch: () throws -> UInt64
) rethrows -> Double {
    var checksum: UInt64 = 0
    var count = 0
    let start = cpuNanoseconds()
    var elapsed: UInt64 = 0
    repeat {
        checksum = Checksum.mix(checksum, try batch())
        count += operations
        elapsed = cpuNanoseconds() - start
    } while Double(elapsed) < seconds * 1e9
    Checksum.shared.fold(checksum)
    OperationCount.shared.add(count)
    return Double(elapsed) / 1e3 / Double(count)
}

/// Resident memory of this process in MiB, from `/proc/self/statm`; `nan` where that file does not exist.
func residentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return .nan }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Double(fields[1]) else { return .nan }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
