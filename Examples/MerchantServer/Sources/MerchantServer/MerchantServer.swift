import CryptoPay
import Foundation
import Hummingbird
import Logging

/// A reference merchant server: checkouts at five crypto payment providers, their webhooks applied exactly once,
/// orders in PostgreSQL, any number of instances on one database. Configuration is the environment (see Settings).
@main
enum MerchantServer {
    static func main() async {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardOutput(label: label)
            handler.logLevel = .info
            return handler
        }
        var logger = Logger(label: "merchant-server")
        do {
            try await run(environment: ProcessInfo.processInfo.environment, logger: &logger)
        } catch {
            logger.critical("stopped", metadata: ["error": "\(error)"])
            exit(1)
        }
    }

    static func run(environment: [String: String], logger: inout Logger) async throws {
        guard let databaseText = environment["DATABASE_URL"], let databaseURL = URL(string: databaseText) else {
            throw SettingsError("DATABASE_URL is not set")
        }
        let database = try Database.client(url: databaseURL, logger: logger)
        let settings = try Settings(
            environment: environment, addressBook: PostgresAddressBook(client: database, logger: logger))
        logger[metadataKey: "instance"] = "\(settings.instanceName)"
        let providers = try ProviderRegistry(settings: settings.providers)
        let store = OrderStore(client: database, instance: settings.instanceName, logger: logger)

        let router = Router()
        Routes(providers: providers, store: store, publicURL: settings.publicURL, logger: logger).register(on: router)
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(environment["HOST"] ?? "127.0.0.1", port: settings.port)),
            services: [database],
            logger: logger)
        let startLogger = logger
        app.beforeServerStarts {
            // The database may still be starting next to us: wait for it rather than crash-loop.
            for attempt in 1... {
                do {
                    try await Database.migrate(database, logger: startLogger)
                    break
                } catch  where attempt < 30 {
                    startLogger.warning("database not ready", metadata: ["attempt": "\(attempt)"])
                    try await Task.sleep(for: .seconds(1))
                }
            }
            startLogger.info(
                "ready", metadata: ["providers": "\(providers.ids.map(\.rawValue).joined(separator: ","))"])
        }
        try await app.runService()
    }
}
