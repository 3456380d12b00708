import CryptoPay
import Foundation

/// `cryptopay webhook verify|sign <provider>`.
struct WebhookCommand {
    let console: Console
    let environment: [String: String]

    static let help = """
        usage: cryptopay webhook verify <provider> [--secret S]... [--header "Name: value"]... [--tolerance SECONDS]
                                        [--now UNIX] [--body-file F] [--lookup] [--base-url URL]
               cryptopay webhook sign <provider> --secret S [--id ID] [--timestamp UNIX] [--body-file F]

        verify: reads the raw body from --body-file (or standard input), verifies it as the provider's webhook and
        prints the verified event as JSON with the provider's field names (exit 0), or the rejection (exit 1).
        Signed providers need --secret (repeat it during a rotation), or <PROVIDER>_WEBHOOK_SECRET in the environment
        (USEGATEWAY_, STOREGATEWAY_, USDTINVOICE_WEBHOOK_SECRET). For onexgate and openpos, whose webhooks carry
        no signature, --lookup authenticates by fetching the payment with 'call''s credentials and base URL.

        sign: prints the headers the provider would send with the body, one 'Name: value' per line, for testing a
        handler with curl. --id and --timestamp default to a generated id and the current time.
        """

    func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            flags: [
                "secret": .repeated, "header": .repeated, "tolerance": .value, "now": .value, "body-file": .value,
                "lookup": .flag, "base-url": .value, "id": .value, "timestamp": .value,
            ],
            command: "webhook")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.count == 2, ["verify", "sign"].contains(parsed.positionals[0]) else {
            throw UsageError(message: "webhook takes 'verify' or 'sign' and a provider id", command: "webhook")
        }
        let entry = try ProviderEntries.entry(parsed.positionals[1], command: "webhook")
        let body = try self.body(parsed.value("body-file"))
        if parsed.positionals[0] == "sign" {
            guard let secret = parsed.value("secret") ?? parsed.all("secret").first else {
                throw UsageError(message: "webhook sign needs --secret", command: "webhook")
            }
            let timestamp = try parsed.value("timestamp").map { try unixTime($0, flag: "timestamp") } ?? Date()
            let id =
                parsed.value("id") ?? "msg_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            for field in try entry.signWebhook(body: body, secret: secret, id: id, timestamp: timestamp) {
                console.line("\(field.name): \(field.value)")
            }
            return ExitStatus.success
        }
        var headers = HeaderFields()
        for header in parsed.all("header") {
            guard let colon = header.firstIndex(of: ":") else {
                throw UsageError(message: "--header must be \"Name: value\"", command: "webhook")
            }
            headers.add(
                name: header[..<colon].trimmingCharacters(in: .whitespaces),
                value: header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let secretVariable = entry.id.rawValue.uppercased() + "_WEBHOOK_SECRET"
        let options = WebhookOptions(
            secrets: parsed.all("secret").isEmpty
                ? [environment[secretVariable]].compactMap { $0 }.filter { !$0.isEmpty } : parsed.all("secret"),
            tolerance: try parsed.value("tolerance").map { text in
                // The bound (about 30 years) keeps the conversion to `Duration` from trapping.
                guard let seconds = TimeInterval(text), seconds >= 0, seconds <= 1e9 else {
                    throw UsageError(message: "--tolerance must be a number of seconds", command: "webhook")
                }
                return .seconds(seconds)
            },
            now: try parsed.value("now").map { try unixTime($0, flag: "now") },
            environment: environment,
            baseURL: try parsed.value("base-url").map { text in
                guard let url = URL(string: text), url.host != nil else {
                    throw UsageError(message: "--base-url \(text) is not an absolute URL", command: "webhook")
                }
                return url
            },
            lookup: parsed.has("lookup")
        )
        let verified = try await entry.verifyWebhook(WebhookRequest(body: body, headers: headers), options: options)
        console.line(JSONOutput.text(verified))
        return ExitStatus.success
    }

    private func body(_ path: String?) throws -> Data {
        guard let path else { return console.readInput() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError(message: "cannot read --body-file \(path)", command: "webhook")
        }
        return data
    }

    private func unixTime(_ text: String, flag: String) throws -> Date {
        guard let seconds = Int64(text) else {
            throw UsageError(message: "--\(flag) must be whole Unix seconds", command: "webhook")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
