import CryptoPay
import Foundation

/// The server's configuration, read from the environment once at start.
///
/// Provider variables are exactly the ones `cryptopay sandbox serve` prints, so pasting its output into the
/// environment configures this server. A provider whose API key variable is absent is not configured: its checkouts
/// are refused and its webhook route answers 404.
struct Settings {
    var port: Int
    var databaseURL: URL
    var instanceName: String
    /// This server's address as payers' browsers reach it (`PUBLIC_URL`), for the providers' return pages.
    var publicURL: URL
    var providers: [ProviderSettings]

    /// Reads the settings from `environment`.
    ///
    /// Throws a `SettingsError` naming the variable that is missing or malformed.
    init(environment: [String: String], addressBook: any OpenPOSAddressBook) throws {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        func required(_ name: String) throws -> String {
            guard let value = value(name) else { throw SettingsError("\(name) is not set") }
            return value
        }
        func url(_ name: String) throws -> URL? {
            guard let text = value(name) else { return nil }
            guard let url = URL(string: text) else { throw SettingsError("\(name) is not a URL") }
            return url
        }
        func secrets(_ name: String) -> [String] { value(name).map { [$0] } ?? [] }

        guard let port = Int(value("PORT") ?? "8080"), (0...65535).contains(port) else {
            throw SettingsError("PORT is not a port number")
        }
        self.port = port
        guard let databaseURL = try url("DATABASE_URL") else { throw SettingsError("DATABASE_URL is not set") }
        self.databaseURL = databaseURL
        self.instanceName = value("INSTANCE_NAME") ?? ProcessInfo.processInfo.hostName
        guard let publicURL = try url("PUBLIC_URL") ?? URL(string: "http://127.0.0.1:\(port)/") else {
            throw SettingsError("PUBLIC_URL is not a URL")
        }
        self.publicURL = publicURL

        // Every provider keeps the library's default retries and timeouts; only the base URL comes from here (the
        // sandbox's, or a provider's own host where its document names none).
        func configuration(_ name: String) throws -> ClientConfiguration {
            ClientConfiguration(baseURL: try url(name), logHandler: LogBridge.handler)
        }
        var providers: [ProviderSettings] = []
        if let key = value("USEGATEWAY_API_KEY") {
            providers.append(
                .useGateway(
                    apiKey: key, webhookSecrets: secrets("USEGATEWAY_WEBHOOK_SECRET"),
                    configuration: try configuration("USEGATEWAY_BASE_URL")))
        }
        if let key = value("STOREGATEWAY_API_KEY") {
            providers.append(
                .storeGateway(
                    apiKey: key, apiSecret: try required("STOREGATEWAY_API_SECRET"),
                    webhookSecrets: secrets("STOREGATEWAY_WEBHOOK_SECRET"),
                    configuration: try configuration("STOREGATEWAY_BASE_URL")))
        }
        if let key = value("USDTINVOICE_API_KEY") {
            providers.append(
                .usdtInvoice(
                    apiKey: key, webhookSecrets: secrets("USDTINVOICE_WEBHOOK_SECRET"),
                    configuration: try configuration("USDTINVOICE_BASE_URL")))
        }
        if let key = value("ONEXGATE_API_KEY") {
            providers.append(.oneXGate(apiKey: key, configuration: try configuration("ONEXGATE_BASE_URL")))
        }
        if let key = value("OPENPOS_API_KEY") {
            providers.append(
                .openPOS(
                    username: try required("OPENPOS_USERNAME"), apiKey: key, posID: try required("OPENPOS_POS_ID"),
                    configuration: try configuration("OPENPOS_BASE_URL"), addressBook: addressBook))
        }
        self.providers = providers
    }
}

/// A configuration variable that is missing or malformed.
struct SettingsError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
