import Foundation

/// A usage error: the command line itself is wrong. Reported with a one-line hint and exit status 2.
struct UsageError: Error {
    let message: String
    let command: String
}

/// Hand-written argument parsing: positionals, `--flag value` / `--flag=value` options (some repeatable), and
/// boolean switches. An unknown flag or a missing value is a ``UsageError``.
struct Arguments {
    /// What a flag takes.
    enum Kind {
        /// One value.
        case value
        /// A value, any number of times.
        case repeated
        /// No value.
        case flag
    }

    private(set) var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private(set) var wantsHelp = false

    /// Parses `arguments` against `flags` (names without the leading `--`).
    ///
    /// - Throws: ``UsageError`` for an unknown flag, a missing value or a repeated single-value flag.
    init(_ arguments: [String], flags: [String: Kind], command: String) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" {
                wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positionals.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var inline: String?
            if let equals = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let kind = flags[name] else {
                throw UsageError(message: "unknown option --\(name)", command: command)
            }
            switch kind {
            case .flag:
                guard inline == nil else { throw UsageError(message: "--\(name) takes no value", command: command) }
                values[name, default: []].append("")
            case .value, .repeated:
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < arguments.count else {
                        throw UsageError(message: "--\(name) needs a value", command: command)
                    }
                    value = arguments[index]
                    index += 1
                }
                if kind == .value, values[name] != nil {
                    throw UsageError(message: "--\(name) was given more than once", command: command)
                }
                values[name, default: []].append(value)
            }
        }
    }

    /// The value of a single-value option.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeatable option, in order.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// True when a switch was given.
    func has(_ name: String) -> Bool { values[name] != nil }
}
