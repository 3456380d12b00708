import Foundation

/// The command line: `[--json] [--filter NAME]… [--rounds N] [--list]`.
struct Options: Sendable {
    var json = false
    /// Prints the whole of BENCHMARKS.md instead of one line per figure (the lines go to standard error).
    var markdown = false
    var filters: [String] = []
    var rounds = 5
    var list = false
    /// Runs one contender alone (ours, or a reference by a part of its name), for profiling.
    var only: String?

    static let usage = """
        usage: cryptopay-benchmarks [--json | --markdown] [--filter NAME]... [--rounds N] [--only NAME] [--list]
          --json         print the figures as one JSON document instead of one line each
          --markdown     print BENCHMARKS.md: the run's commit, load and reference versions, the goals, every
                         figure and where the time goes for each goal not met (progress goes to standard error)
          --filter NAME  run only the figures whose name contains NAME (repeatable)
          --rounds N     timed rounds per figure (default 5; figures are medians, so use at least 5)
          --list         print the figure names and exit
          --only NAME    run one contender alone, `ours` or a reference whose name contains NAME, and print
                         the operations timed (for profiling, e.g. under `perf record`)
        """

    /// Parses the arguments, or returns the message to print and the exit status.
    static func parse(_ arguments: [String]) -> Result<Options, UsageError> {
        var options = Options()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--json": options.json = true
            case "--markdown": options.markdown = true
            case "--list": options.list = true
            case "--only":
                guard let name = remaining.popFirst() else { return .failure(UsageError("--only needs a name")) }
                options.only = name
            case "--filter":
                guard let name = remaining.popFirst() else { return .failure(UsageError("--filter needs a name")) }
                options.filters.append(name)
            case "--rounds":
                guard let text = remaining.popFirst(), let rounds = Int(text), rounds >= 1 else {
                    return .failure(UsageError("--rounds needs a positive number"))
                }
                options.rounds = rounds
            case "-h", "--help": return .failure(UsageError(nil))
            default: return .failure(UsageError("unknown argument \(argument)"))
            }
        }
        if options.json && options.markdown {
            return .failure(UsageError("--json and --markdown exclude each other"))
        }
        return .success(options)
    }

    /// True when any of `names` is selected by the filters (all are, without filters).
    func selects(_ names: [String]) -> Bool {
        filters.isEmpty || names.contains { name in filters.contains { name.contains($0) } }
    }
}

struct UsageError: Error {
    var message: String?
    init(_ message: String?) { self.message = message }
}

/// Why a reference could not be measured here (a tool that is not installed); the figure is printed without it.
struct Missing: Error {
    var reason: String
}

/// One contender of a comparison. `round` measures one round and returns one value per metric.
struct Contender: Sendable {
    var name: String
    /// Runs an untimed round first (JIT-free Swift still warms caches, connections and lazily built tables).
    var warmUp = true
    var round: @Sendable () async throws -> [Double]
}

/// Runs `ours` and the references interleaved: every round runs each contender once, in an order rotated from
/// round to round, so that a machine that gets slower or faster during the run moves every contender alike. Each
/// round's ratio is ours ÷ that reference in the same round; the figure is the median of the rounds.
func compare(
    _ metrics: [Metric],
    _ options: Options,
    ours allOurs: Contender,
    references allReferences: [Contender],
    notes: [String] = []
) async throws -> [Figure] {
    var ours = allOurs
    var references = allReferences
    if let only = options.only {
        ours = ([allOurs] + allReferences).first { $0.name.contains(only) } ?? allOurs
        references = []
    }
    let rounds = options.rounds
    var figures = metrics.map { Figure(metric: $0, references: references.map { ReferenceResult(name: $0.name) }) }
    for index in figures.indices { figures[index].notes = notes }
    var missing: [String: String] = [:]
    let contenders = [ours] + references
    for contender in contenders where contender.warmUp {
        do {
            _ = try await contender.round()
        } catch let error as Missing where contender.name != ours.name {
            missing[contender.name] = error.reason
        }
    }
    for round in 0..<rounds {
        let shift = round % contenders.count
        var values: [String: [Double]] = [:]
        for contender in contenders[shift...] + contenders[..<shift] where missing[contender.name] == nil {
            do {
                values[contender.name] = try await contender.round()
            } catch let error as Missing where contender.name != ours.name {
                missing[contender.name] = error.reason
            }
        }
        guard let ourValues = values[ours.name] else { continue }
        for index in figures.indices {
            figures[index].ours.values.append(ourValues[index])
            for (position, reference) in references.enumerated() {
                guard let theirs = values[reference.name] else { continue }
                figures[index].references[position].samples.values.append(theirs[index])
                figures[index].references[position].ratios.values.append(ourValues[index] / theirs[index])
            }
        }
    }
    for index in figures.indices {
        for position in figures[index].references.indices {
            figures[index].references[position].missing = missing[figures[index].references[position].name]
        }
    }
    return figures
}

/// Prints figures as lines or collects them for the JSON document.
final class Report: @unchecked Sendable {
    private let options: Options
    // Guards `figures`.
    private let lock = NSLock()
    private var figures: [Figure] = []
    private var lines: [String] = []

    init(options: Options) {
        self.options = options
    }

    func add(_ new: [Figure]) {
        lock.withLock { figures += new }
        guard !options.json else { return }
        for figure in new { emit(Self.line(figure)) }
    }

    func note(_ text: String) {
        guard !options.json else { return }
        emit(text)
    }

    func finish(machine: String, context: RunContext) {
        if options.json {
            emit(json(machine: machine))
        } else if options.markdown {
            let checksum = "checksum: \(String(Checksum.shared.current, radix: 16))"
            let raw = lock.withLock { lines } + [checksum]
            let document = MarkdownReport.render(
                figures: lock.withLock { figures }, raw: raw, context: context, machine: machine, options: options)
            FileHandle.standardOutput.write(Data(document.utf8))
        } else {
            emit("checksum: \(String(Checksum.shared.current, radix: 16))")
        }
        if options.only != nil {
            FileHandle.standardError.write(Data("timed operations: \(OperationCount.shared.value)\n".utf8))
        }
    }

    private func emit(_ text: String) {
        guard options.markdown else {
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
            return
        }
        lock.withLock { lines.append(text) }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `name: value unit [low–high] (ratio× [low–high] vs reference value unit; …) goal …: met`
    static func line(_ figure: Figure) -> String {
        let unit = figure.metric.unit
        var text = "\(figure.metric.name): \(format(figure.ours.median)) \(unit)"
        text += " [\(format(figure.ours.low))–\(format(figure.ours.high))]"
        let parts = figure.references.map { reference -> String in
            if let reason = reference.missing { return "vs \(reference.name): reference missing (\(reason))" }
            guard !reference.samples.values.isEmpty else { return "vs \(reference.name): no rounds" }
            let value = "\(format(reference.samples.median)) \(unit)"
            guard figure.metric.showsRatio else { return "\(reference.name) \(value)" }
            let ratio = reference.ratios
            return "\(format(ratio.median, digits: 2))× [\(format(ratio.low, digits: 2))–"
                + "\(format(ratio.high, digits: 2))] vs \(reference.name) \(value)"
        }
        if !parts.isEmpty { text += " (" + parts.joined(separator: "; ") + ")" }
        if let limit = figure.metric.limit {
            text += " [goal < \(format(limit)) \(unit): \(figure.isMet(limit: limit) ? "met" : "NOT met")]"
        }
        for goal in figure.metric.goals {
            let verdict = figure.isMet(goal).map { $0 ? "met" : "NOT met" } ?? "reference missing"
            text += " [goal \(goal.text): \(verdict)]"
        }
        for note in figure.notes { text += "\n    \(note)" }
        return text
    }

    private func json(machine: String) -> String {
        func number(_ value: Double) -> Any { value.isFinite ? value : NSNull() }
        func samples(_ samples: Samples) -> [String: Any] {
            [
                "median": number(samples.median), "min": number(samples.low), "max": number(samples.high),
                "rounds": samples.values.map(number),
            ]
        }
        let entries = lock.withLock { figures }.map { figure -> [String: Any] in
            var entry: [String: Any] = [
                "name": figure.metric.name, "unit": figure.metric.unit,
                "higherIsBetter": figure.metric.higherIsBetter, "value": samples(figure.ours),
                "notes": figure.notes,
            ]
            entry["references"] = figure.references.map { reference -> [String: Any] in
                var result: [String: Any] = ["name": reference.name]
                if let reason = reference.missing {
                    result["missing"] = reason
                } else {
                    result["value"] = samples(reference.samples)
                    result["ratio"] = samples(reference.ratios)
                }
                return result
            }
            if let limit = figure.metric.limit {
                entry["limit"] = ["below": limit, "met": figure.ours.median < limit]
            }
            entry["goals"] = figure.metric.goals.map { goal -> [String: Any] in
                var goalEntry: [String: Any] = [
                    "reference": goal.reference, "bound": goal.bound, "atMost": goal.atMost,
                ]
                if let met = figure.isMet(goal) { goalEntry["met"] = met }
                return goalEntry
            }
            return entry
        }
        let document: [String: Any] = [
            "machine": machine, "rounds": options.rounds, "figures": entries,
            "checksum": String(Checksum.shared.current, radix: 16),
        ]
        guard
            let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// `AMD EPYC, 2 cores, 23.4 GiB, Linux 6.1…, Swift release build`.
func machineDescription() -> String {
    var model = "unknown CPU"
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
    {
        model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    let process = ProcessInfo.processInfo
    let memory = Double(process.physicalMemory) / 1_073_741_824
    return "\(model), \(process.activeProcessorCount) cores, \(format(memory, digits: 1)) GiB, "
        + process.operatingSystemVersionString
}
