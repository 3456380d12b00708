import CryptoPay
import CryptoPaySandbox
import Foundation

/// `cryptopay demo`: the whole flow at every provider, on the in-process sandbox.
struct DemoCommand {
    let console: Console

    static let help = """
        usage: cryptopay demo [--provider ID]

        On the built-in sandbox (no credentials, no network), for each provider: create a checkout through the
        unified PaymentProvider interface, pay it, receive the provider's webhook, verify it (by signature, or by
        looking the payment up for providers that do not sign), fetch the final state, and print one row. Exits 0
        only when every step passed at every provider.
        """

    /// One provider's run.
    struct Row {
        var provider: String
        var checkout = "-"
        var amount = "-"
        var statuses: [String] = []
        var authenticated = "-"
        var result = "failed"
    }

    func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, flags: ["provider": .value], command: "demo")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "demo takes no arguments besides --provider", command: "demo")
        }
        let entries =
            try parsed.value("provider").map { [try ProviderRegistry.entry($0, command: "demo")] }
            ?? ProviderRegistry.entries
        let sandbox = SandboxTransport()
        var rows: [Row] = []
        var failures: [String] = []
        for entry in entries {
            var row = Row(provider: entry.id.rawValue)
            do {
                try await run(entry, on: sandbox, into: &row)
                row.result = "ok"
            } catch {
                failures.append("\(entry.id): \(error)")
            }
            rows.append(row)
        }
        var table = [["provider", "checkout", "amount", "statuses", "webhook", "result"]]
        table += rows.map {
            [$0.provider, $0.checkout, $0.amount, $0.statuses.joined(separator: " → "), $0.authenticated, $0.result]
        }
        console.out(Table.render(table))
        let passed = rows.filter { $0.result == "ok" }.count
        console.line("\(passed) of \(rows.count) providers passed every step on the sandbox")
        for failure in failures { console.error("demo: \(failure)") }
        return failures.isEmpty ? ExitStatus.success : ExitStatus.failure
    }

    private func run(_ entry: any ProviderEntry, on sandbox: SandboxTransport, into row: inout Row) async throws {
        let provider = try entry.sandboxProvider(sandbox)
        let created = try await provider.createCheckout(try entry.demoRequest())
        row.checkout = created.id
        row.amount = created.requested?.description ?? "unknown"
        row.statuses.append(created.status.status.description)
        let deliveries = try sandbox.pay(entry.id, id: created.id)
        guard let delivery = deliveries.last else { throw DemoFailure("the sandbox sent no webhook") }
        let event = try await provider.verifyWebhook(delivery)
        row.authenticated = event.authentication.rawValue
        guard event.checkoutID == created.id else {
            throw DemoFailure("the webhook is about \(event.checkoutID), not \(created.id)")
        }
        row.statuses.append(event.status.status.description)
        let final = try await provider.checkout(id: created.id)
        row.statuses.append(final.status.status.description)
        guard final.status.status == .paid else { throw DemoFailure("the final status is \(final.status)") }
    }
}

/// A demo step that did not turn out as it should.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
