import CryptoPay
import CryptoPaySandbox
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `cryptopay demo`: the whole flow at every provider, on the in-process sandbox or a running sandbox server.
struct DemoCommand {
    let console: Console

    static let help = """
        usage: cryptopay demo [--provider ID] [--sandbox-url URL]

        On the built-in sandbox (no credentials, no network), or with --sandbox-url on a running
        'cryptopay sandbox serve' (over HTTP; it also delivers the webhooks to its --webhook-url), for each provider: create a checkout through the
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
        let parsed = try Arguments(arguments, flags: ["provider": .value, "sandbox-url": .value], command: "demo")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.isEmpty else {
            throw UsageError(message: "demo takes no arguments besides its options", command: "demo")
        }
        let entries =
            try parsed.value("provider").map { [try ProviderEntries.entry($0, command: "demo")] }
            ?? ProviderEntries.entries
        let sandbox = try parsed.value("sandbox-url").map { try DemoSandbox.server($0) } ?? DemoSandbox.inProcess()
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
        console.line("\(passed) of \(rows.count) providers passed every step on the sandbox\(sandbox.label)")
        for failure in failures { console.error("demo: \(failure)") }
        return failures.isEmpty ? ExitStatus.success : ExitStatus.failure
    }

    private func run(_ entry: any ProviderEntry, on sandbox: DemoSandbox, into row: inout Row) async throws {
        let provider = try entry.sandboxProvider(
            baseURL: try await sandbox.baseURL(entry.id), transport: sandbox.transport)
        let created = try await provider.createCheckout(try entry.demoRequest())
        row.checkout = created.id
        row.amount = created.requested?.description ?? "unknown"
        row.statuses.append(created.status.description)
        let deliveries = try await sandbox.pay(entry.id, created.id)
        guard let delivery = deliveries.last else { throw DemoFailure("the sandbox sent no webhook") }
        let event = try await provider.verifyWebhook(delivery)
        row.authenticated = event.authentication.rawValue
        guard event.checkoutID == created.id else {
            throw DemoFailure("the webhook is about \(event.checkoutID), not \(created.id)")
        }
        row.statuses.append(event.status.description)
        let final = try await provider.checkout(id: created.id)
        row.statuses.append(final.status.description)
        guard final.status == .paid else {
            throw DemoFailure("the final status is \(final.status) (\(final.providerStatus))")
        }
    }
}

/// A demo step that did not turn out as it should.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where the demo runs: the in-process sandbox, or a sandbox server reached over HTTP.
struct DemoSandbox {
    let transport: any HTTPTransport
    let baseURL: @Sendable (ProviderID) async throws -> URL
    let pay: @Sendable (ProviderID, String) async throws -> [WebhookRequest]
    /// Said after "on the sandbox" in the summary.
    let label: String

    static func inProcess() -> DemoSandbox {
        let sandbox = SandboxTransport()
        return DemoSandbox(
            transport: sandbox, baseURL: { try sandbox.baseURL(for: $0) }, pay: { try sandbox.pay($0, id: $1) },
            label: "")
    }

    /// The server at `text`: base URLs from `GET /_sandbox/`, payments through its control API, whose answer
    /// carries each webhook exactly as posted.
    static func server(_ text: String) throws -> DemoSandbox {
        guard let root = URL(string: text), root.host != nil else {
            throw UsageError(message: "--sandbox-url \(text) is not an absolute URL", command: "demo")
        }
        let transport = URLSessionTransport.shared
        @Sendable func call(_ method: RequestMethod, _ path: String) async throws -> JSONValue {
            let url = root.appendingPathComponent("_sandbox/" + path)
            let response = try await transport.send(TransportRequest(method: method, url: url))
            let answer = (try? JSONDecoder().decode(JSONValue.self, from: response.body)) ?? .null
            guard response.isSuccess else {
                throw DemoFailure(answer["error"]?.stringValue ?? "the sandbox answered \(response.statusCode)")
            }
            return answer
        }
        return DemoSandbox(
            transport: transport,
            baseURL: { provider in
                guard let text = try await call(.get, "")["providers"]?[provider.rawValue]?["base_url"]?.stringValue,
                    let url = URL(string: text)
                else { throw DemoFailure("the sandbox server does not serve \(provider)") }
                return url
            },
            pay: { provider, id in
                let answer = try await call(.post, "\(provider.rawValue)/checkouts/\(id)/pay")
                guard case .array(let webhooks) = answer["webhooks"] ?? .null else { return [] }
                return webhooks.map { webhook in
                    var headers = HeaderFields()
                    if case .array(let pairs) = webhook["headers"] ?? .null {
                        for case .array(let pair) in pairs where pair.count == 2 {
                            headers.add(name: pair[0].stringValue ?? "", value: pair[1].stringValue ?? "")
                        }
                    }
                    return WebhookRequest(body: Data((webhook["body"]?.stringValue ?? "").utf8), headers: headers)
                }
            },
            label: " server at \(text)")
    }
}
