import Foundation

/// The groups of figures, in the order they run.
enum Benchmarks {
    static var names: [String] {
        DecodeBenchmarks.names + CallBenchmarks.names + HTTPBenchmarks.names + SandboxBenchmarks.names
            + WebhookBenchmarks.names
    }

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
        let context = RunContext.start(probing: options.markdown)
        #if DEBUG
            report.note("warning: debug build; run `swift run -c release cryptopay-benchmarks` for meaningful figures")
        #endif
        report.note("machine: \(machine); \(options.rounds) rounds per figure, median [lowest–highest round]")
        if options.rounds < 5 { report.note("warning: fewer than 5 rounds; the figures are not comparable") }
        let groups: [(String, (Options, Report) async throws -> Void)] = [
            ("decode", DecodeBenchmarks.run),
            ("calls", CallBenchmarks.run),
            ("http", HTTPBenchmarks.run),
            ("sandbox", SandboxBenchmarks.run),
            ("webhooks", WebhookBenchmarks.run),
        ]
        var failed = false
        for (name, run) in groups {
            context.sampleLoad()
            do {
                try await run(options, report)
            } catch {
                failed = true
                report.note("\(name): failed: \(error)")
                FileHandle.standardError.write(Data("\(name): failed: \(error)\n".utf8))
            }
        }
        context.finish()
        report.finish(machine: machine, context: context)
        if failed { exit(1) }
    }
}
