// swift-tools-version:6.0
// A reference merchant server: the library inside Hummingbird 2 on PostgreSQL. Its own package, so the library
// itself keeps no dependencies.
import PackageDescription

let package = Package(
    name: "MerchantServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "CryptoPay", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "MerchantServer",
            dependencies: [
                .product(name: "CryptoPay", package: "CryptoPay"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
