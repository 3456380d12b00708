import Foundation

/// The groups of figures, in the order they run.
enum Benchmarks {
    static var names: [String] { DecodeBenchmarks.names + HTTPBenchmarks.names + WebhookBenchmarks.names }

    static func main(_ options: Options) async {
        if options.list {
            print(names.joined(separator: "\n"))
            return
        }
        guard options.selects(names) else {
            FileHandle.standardError.write(Data("error: no figure matches \(options.filters)\n".utf8))
            exit(2)
        }
        let report = Report(options: options)
        let machine = machineDescription()
        #if DEBUG
            report.note("warning: debug build; run `swift run -c release cryptopay-benchmarks` for meaningful figures")
        #endif
        report.note("machine: \(machine); \(options.rounds) rounds per figure, median [lowest–highest round]")
        if options.rounds < 5 { report.note("warning: fewer than 5 rounds; the figures are not comparable") }
        let groups: [(String, (Options, Report) async throws -> Void)] = [
            ("decode", DecodeBenchmarks.run),
            ("http", HTTPBenchmarks.run),
            ("webhooks", WebhookBenchmarks.run),
        ]
        var failed = false
        for (name, run) in groups {
            do {
                try await run(options, report)
            } catch {
                failed = true
                report.note("\(name): failed: \(error)")
                FileHandle.standardError.write(Data("\(name): failed: \(error)\n".utf8))
            }
        }
        report.finish(machine: machine)
        if failed { exit(1) }
    }
}
