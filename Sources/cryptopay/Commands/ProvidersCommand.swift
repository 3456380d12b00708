import CryptoPay
import CryptoPaySandbox
import Foundation

/// `cryptopay providers`: a table of the providers.
struct ProvidersCommand {
    let console: Console

    static let help = """
        usage: cryptopay providers

        Lists every provider: its id (as typed in other commands), module, authentication, webhook scheme and number
        of operations.
        """

    func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, flags: [:], command: "providers")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "providers takes no arguments", command: "providers")
        }
        let sandbox = SandboxTransport()
        var rows = [["id", "module", "authentication", "webhooks", "operations"]]
        for entry in ProviderEntries.entries {
            let count = try entry.operations(on: sandbox).count
            rows.append([entry.id.rawValue, entry.module, entry.authentication, entry.webhookScheme, String(count)])
        }
        console.out(Table.render(rows))
        return ExitStatus.success
    }
}

/// Plain-text tables with columns padded to their widest cell.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
