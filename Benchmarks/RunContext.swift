import Foundation

/// What a figure cannot be read without: the commit it was measured on, how busy the machine was, and the version
/// of every reference.
final class RunContext: @unchecked Sendable {
    /// `git rev-parse --short HEAD`, or `unknown` outside a git checkout.
    let commit: String
    /// True when tracked files differ from the commit (BENCHMARKS.md aside, which the run itself may be writing).
    let dirty: Bool
    let started: Date
    let swift: String
    let python: String
    let standardWebhooks: String
    let openSSL: String
    // Guards the properties below.
    private let lock = NSLock()
    private var loads: [Double] = []
    private var before = ""
    private var after = ""
    private var finished: Date?

    /// Runs `git`, `swift`, `python3` and `openssl` for the commit and versions only when `probing`: those child
    /// processes would count in a profile of a `--only` run (`perf stat` follows children).
    private init(probing: Bool) {
        func output(_ arguments: [String]) -> String? {
            guard probing else { return "not recorded" }
            guard let result = ExternalReferences.run(arguments), result.status == 0 else { return nil }
            let text = result.output.split(separator: "\n").first.map(String.init) ?? ""
            return text.isEmpty ? nil : text.trimmingCharacters(in: .whitespaces)
        }
        commit = output(["git", "rev-parse", "--short", "HEAD"]) ?? "unknown"
        let changes =
            probing
            ? ExternalReferences.run([
                "git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md",
            ]) : nil
        dirty = probing && (changes.map { $0.status != 0 || !$0.output.isEmpty } ?? true)
        started = Date()
        swift = output(["swift", "--version"]) ?? "not found"
        python = output(["python3", "--version"]) ?? "not found"
        standardWebhooks =
            output([
                "python3", "-c", "import importlib.metadata as m; print(m.version('standardwebhooks'))",
            ]) ?? "not installed"
        openSSL = output(["openssl", "version"]) ?? "not found"
    }

    /// Reads the load average before the first figure, and the commit and versions when `probing`.
    static func start(probing: Bool) -> RunContext {
        let context = RunContext(probing: probing)
        context.lock.withLock { context.before = Self.loadAverage() }
        return context
    }

    /// Takes a sample of the 1-minute load average (between groups of figures).
    func sampleLoad() {
        let sample = Self.loadAverage().split(separator: " ").first.flatMap { Double($0) }
        lock.withLock { if let sample { loads.append(sample) } }
    }

    /// Reads the load average after the last figure.
    func finish() {
        sampleLoad()
        lock.withLock {
            after = Self.loadAverage()
            finished = Date()
        }
    }

    /// `abc1234` or `abc1234 (dirty: uncommitted changes were measured)`.
    var commitText: String { dirty ? "\(commit) (dirty: uncommitted changes were measured)" : commit }

    /// `before 0.41 0.13 0.03; after …; 1-minute samples between groups 0.5–2.1`.
    var loadText: String {
        lock.withLock {
            var text = "before: \(before); after: \(after)"
            if let low = loads.min(), let high = loads.max() {
                text += "; 1-minute load sampled between groups: \(format(low, digits: 2))–\(format(high, digits: 2))"
            }
            return text
        }
    }

    /// The run's start and end, UTC (`Z`).
    var timeText: String {
        let style = Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .space, timeZone: .gmt)
        let end = lock.withLock { finished }
        return started.formatted(style) + " – " + (end.map { $0.formatted(style) } ?? "?")
    }

    /// The three load averages of `/proc/loadavg`.
    private static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
