import CryptoPay
import Foundation

/// The `cryptopay` command: parses the first word and runs that command.
struct CommandLineTool {
    let environment: [String: String]
    let console: Console

    static let usage = """
        usage: cryptopay <command> [options]

        commands:
          demo [--provider ID]            create, pay and verify a checkout at every provider, on the built-in sandbox
          providers                       the providers, their authentication and webhook schemes
          operations <provider>           every operation of a provider, with its path parameters and inputs
          call <provider> <operation>     call an operation (credentials from the environment)
          webhook verify <provider>       verify a webhook delivery
          webhook sign <provider>         print the headers a provider would sign a body with
          sandbox serve                   every provider as a local HTTP server, delivering webhooks to your URLs
          sandbox pay|expire|list|fault   drive a running sandbox server: pay or expire a checkout, list, faults

        Run 'cryptopay <command> --help' for a command's options.
        """

    /// Runs the command line and returns the exit status.
    func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            console.error(Self.usage)
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "demo": return try await DemoCommand(console: console).run(rest)
            case "providers": return try ProvidersCommand(console: console).run(rest)
            case "operations": return try OperationsCommand(console: console).run(rest)
            case "call": return try await CallCommand(console: console, environment: environment).run(rest)
            case "webhook": return try await WebhookCommand(console: console, environment: environment).run(rest)
            case "sandbox": return try await SandboxCommand(console: console, environment: environment).run(rest)
            case "--help", "-h", "help":
                console.line(Self.usage)
                return ExitStatus.success
            default:
                throw UsageError(message: "unknown command \(command)", command: "")
            }
        } catch let error as UsageError {
            let hint = error.command.isEmpty ? "cryptopay --help" : "cryptopay \(error.command) --help"
            console.error("error: \(error.message) (see '\(hint)')")
            return ExitStatus.usage
        } catch let error as PaymentError {
            console.error(JSONOutput.text(JSONOutput.error(error)))
            return ExitStatus.failure
        } catch {
            console.error("error: \(error)")
            return ExitStatus.failure
        }
    }
}
