import CryptoPay
import CryptoPaySandboxServer
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `cryptopay sandbox serve|pay|expire|list|fault`: every provider as a local HTTP server, and the commands that
/// drive a running one through its control API.
struct SandboxCommand {
    let console: Console
    let environment: [String: String]

    static let help = """
        usage: cryptopay sandbox serve [--port N] [--host ADDRESS] [--webhook-url PROVIDER=URL]... [--state FILE]
                                       [--duplicate-webhooks]
               cryptopay sandbox pay <provider> <id> [--partial AMOUNT | --over AMOUNT]
               cryptopay sandbox expire <provider> <id>
               cryptopay sandbox list
               cryptopay sandbox fault <provider> <500|503|429|timeout|drop|clear> [--times N | --for SECONDS]

        serve: every provider's API under http://127.0.0.1:PORT/<provider> (port 0, the default, picks a free one),
        with the sandbox credentials. Prints NAME=value lines for 'cryptopay call', 'cryptopay webhook verify' and
        these commands (eval them), then one line per webhook delivery attempt. Webhooks go to each --webhook-url
        (repeat it; several URLs per provider take turns), retried 6 times from 1 s, doubling. --state FILE keeps
        the state across restarts. SIGINT or SIGTERM stops it.

        pay, expire, list, fault talk to the server at CRYPTOPAY_SANDBOX_URL (or --sandbox-url). pay: --partial pays
        exactly AMOUNT of the pay asset, --over pays what was asked plus AMOUNT. fault: the provider's next request
        (--times N: the next N, --for S: for S seconds) fails that way; 'clear' removes it.
        """

    func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            flags: [
                "port": .value, "host": .value, "webhook-url": .repeated, "state": .value, "duplicate-webhooks": .flag,
                "retry-base-ms": .value, "partial": .value, "over": .value, "times": .value, "for": .value,
                "sandbox-url": .value,
            ],
            command: "sandbox")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        let words = parsed.positionals
        switch (words.first, words.count) {
        case ("serve", 1): return try await serve(parsed)
        case ("pay", 3): return try await pay(parsed, provider: words[1], id: words[2])
        case ("expire", 3):
            let path = try checkoutPath(words[1], words[2], "expire")
            return try await control("POST", path, body: [:], parsed)
        case ("list", 1): return try await list(parsed)
        case ("fault", 3): return try await fault(parsed, provider: words[1], kind: words[2])
        default:
            throw UsageError(
                message: "sandbox takes serve, pay <provider> <id>, expire <provider> <id>, list, "
                    + "or fault <provider> <kind>",
                command: "sandbox")
        }
    }

    // MARK: serve

    private func serve(_ parsed: Arguments) async throws -> Int32 {
        var configuration = SandboxServerConfiguration()
        if let host = parsed.value("host") { configuration.host = host }
        if let text = parsed.value("port") {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw UsageError(message: "--port must be a number from 0 to 65535", command: "sandbox")
            }
            configuration.port = port
        }
        for pair in parsed.all("webhook-url") {
            guard let equals = pair.firstIndex(of: "=") else {
                throw UsageError(message: "--webhook-url must be PROVIDER=URL", command: "sandbox")
            }
            let entry = try ProviderEntries.entry(String(pair[..<equals]), command: "sandbox")
            let text = String(pair[pair.index(after: equals)...])
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw UsageError(message: "--webhook-url \(text) is not an http(s) URL", command: "sandbox")
            }
            configuration.webhookURLs[entry.id, default: []].append(url)
        }
        configuration.stateFile = parsed.value("state").map { URL(fileURLWithPath: $0) }
        configuration.duplicateWebhooks = parsed.has("duplicate-webhooks")
        if let text = parsed.value("retry-base-ms") {
            guard let milliseconds = Int(text), milliseconds >= 0 else {
                throw UsageError(message: "--retry-base-ms must be a whole number", command: "sandbox")
            }
            configuration.retryBaseDelay = .milliseconds(milliseconds)
        }
        let console = self.console
        // Before anything is printed: whoever waits for the "serving" line may signal at once.
        let stop = try StopSignals.catching([SIGINT, SIGTERM])
        let server = try SandboxServer(configuration: configuration) { console.line($0) }
        if !["127.0.0.1", "localhost"].contains(configuration.host) {
            console.error(
                "warning: the sandbox listens on \(configuration.host), not loopback: anyone who can reach this "
                    + "address can use it")
        }
        for (name, value) in server.environment { console.line("\(name)=\(value)") }
        console.line("# cryptopay sandbox serving at \(server.url.absoluteString); SIGINT or SIGTERM stops it")
        let signal = await stop.next()
        console.line("# cryptopay sandbox stopping (signal \(signal))")
        server.stop(grace: .seconds(5))
        console.line("# cryptopay sandbox stopped")
        return ExitStatus.success
    }

    // MARK: Control commands

    private func pay(_ parsed: Arguments, provider: String, id: String) async throws -> Int32 {
        var body: JSONObject = [:]
        for name in ["partial", "over"] {
            guard let text = parsed.value(name) else { continue }
            guard let amount = DecimalText.parse(text), amount > 0 else {
                throw UsageError(
                    message: "--\(name) must be a positive decimal number such as 12.5", command: "sandbox")
            }
            body[name] = .string(text)
        }
        guard body.count < 2 else {
            throw UsageError(message: "give --partial or --over, not both", command: "sandbox")
        }
        return try await control("POST", try checkoutPath(provider, id, "pay"), body: body, parsed)
    }

    private func list(_ parsed: Arguments) async throws -> Int32 {
        let result = try await request("GET", "checkouts", body: nil, parsed)
        guard case .array(let checkouts) = result["checkouts"] ?? .null else {
            throw PaymentError.invalidRequest("the sandbox answered without a checkout list")
        }
        var rows = [["provider", "id", "status"]]
        rows += checkouts.map {
            [$0["provider"]?.stringValue ?? "", $0["id"]?.stringValue ?? "", $0["status"]?.stringValue ?? ""]
        }
        console.out(Table.render(rows))
        return ExitStatus.success
    }

    private func fault(_ parsed: Arguments, provider: String, kind: String) async throws -> Int32 {
        let entry = try ProviderEntries.entry(provider, command: "sandbox")
        if kind == "clear" { return try await control("DELETE", "\(entry.id.rawValue)/fault", body: nil, parsed) }
        guard SandboxFaultKind(rawValue: kind) != nil else {
            throw UsageError(
                message: "unknown fault \(kind); one of: "
                    + (SandboxFaultKind.allCases.map(\.rawValue) + ["clear"]).joined(separator: ", "),
                command: "sandbox")
        }
        var body: JSONObject = ["kind": .string(kind)]
        for (flag, key) in [("times", "times"), ("for", "seconds")] {
            guard let text = parsed.value(flag) else { continue }
            guard let value = Int(text), value > 0 else {
                throw UsageError(message: "--\(flag) must be a whole number above 0", command: "sandbox")
            }
            body[key] = .number(Decimal(value))
        }
        guard body.count < 3 else { throw UsageError(message: "give --times or --for, not both", command: "sandbox") }
        return try await control("PUT", "\(entry.id.rawValue)/fault", body: body, parsed)
    }

    private func checkoutPath(_ provider: String, _ id: String, _ action: String) throws -> String {
        let entry = try ProviderEntries.entry(provider, command: "sandbox")
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
        return "\(entry.id.rawValue)/checkouts/\(escaped)/\(action)"
    }

    private func control(_ method: String, _ path: String, body: JSONObject?, _ parsed: Arguments) async throws
        -> Int32
    {
        console.line(JSONOutput.text(try await request(method, path, body: body, parsed)))
        return ExitStatus.success
    }

    /// Calls the control API and returns its JSON answer.
    ///
    /// - Throws: ``PaymentError`` with the server's error message for an answer that is not 2xx, or the transport's
    ///   error when no server answers.
    private func request(_ method: String, _ path: String, body: JSONObject?, _ parsed: Arguments) async throws
        -> JSONValue
    {
        guard let text = parsed.value("sandbox-url") ?? environment["CRYPTOPAY_SANDBOX_URL"], !text.isEmpty else {
            throw UsageError(
                message: "set CRYPTOPAY_SANDBOX_URL (printed by 'cryptopay sandbox serve') or pass --sandbox-url",
                command: "sandbox")
        }
        guard let base = URL(string: text), base.host != nil,
            let url = URL(string: "/_sandbox/\(path)", relativeTo: base)
        else { throw UsageError(message: "\(text) is not an absolute URL", command: "sandbox") }
        let data = try body.map { try JSONEncoder().encode(JSONValue.object($0)) }
        let response = try await URLSessionTransport.shared.send(
            TransportRequest(
                method: RequestMethod(rawValue: method), url: url.absoluteURL,
                headers: data == nil ? [:] : ["Content-Type": "application/json"], body: data, timeout: .seconds(30)))
        let answer = (try? JSONDecoder().decode(JSONValue.self, from: response.body)) ?? .null
        guard response.isSuccess else {
            throw PaymentError(
                .invalidRequest,
                message: answer["error"]?.stringValue ?? "the sandbox answered \(response.statusCode)")
        }
        return answer
    }
}
