import CryptoPay
import CryptoPaySandbox
import Foundation

/// `cryptopay operations <provider>`: every operation, one per line.
struct OperationsCommand {
    let console: Console

    static let help = """
        usage: cryptopay operations <provider>

        Lists every operation of a provider by the name 'call' takes, with its method and path, its path parameters
        (given to 'call' as --id or --reference) and its inputs (given to 'call' in --input under the provider's own
        field names; * marks required ones).
        """

    func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, flags: [:], command: "operations")
        if parsed.wantsHelp {
            console.line(Self.help)
            return ExitStatus.success
        }
        guard parsed.positionals.count == 1 else {
            throw UsageError(message: "operations takes one provider id", command: "operations")
        }
        let entry = try ProviderEntries.entry(parsed.positionals[0], command: "operations")
        var rows: [[String]] = []
        for operation in try entry.operations(on: SandboxTransport()) {
            let parameters = operation.pathParameters.joined(separator: ", ")
            let inputs = operation.inputs.map { $0.name + ($0.isRequired ? "*" : "") }.joined(separator: ", ")
            rows.append([
                operation.name,
                "\(operation.method) \(operation.path)",
                "path: " + (parameters.isEmpty ? "-" : parameters),
                (operation.sendsBody ? "body: " : "query: ") + (inputs.isEmpty ? "-" : inputs),
            ])
        }
        console.out(Table.render(rows))
        return ExitStatus.success
    }
}
