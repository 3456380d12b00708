// swift-tools-version:6.0
import PackageDescription

let providers = ["StoreGateway", "USDTInvoice", "OneXGate", "OpenPOS"]

let package = Package(
    name: "CryptoPay",
    // Amounts sent as JSON numbers are exact only with the swift-foundation JSONDecoder, which reads a Decimal from
    // the number's text: Linux with Swift 6, and Apple's systems from these releases on (older ones go through
    // Double). Every Apple platform is declared, since an undeclared one would build for its oldest release.
    platforms: [.macOS(.v14), .iOS(.v17), .macCatalyst(.v17), .tvOS(.v17), .watchOS(.v10), .visionOS(.v1)],
    products: [
        .library(name: "CryptoPayCore", targets: ["CryptoPayCore"]),
        .library(name: "UseGateway", targets: ["UseGateway"]),
        .library(name: "StoreGateway", targets: ["StoreGateway"]),
        .library(name: "USDTInvoice", targets: ["USDTInvoice"]),
        .library(name: "OneXGate", targets: ["OneXGate"]),
        .library(name: "OpenPOS", targets: ["OpenPOS"]),
        .library(name: "CryptoPay", targets: ["CryptoPay"]),
        .library(name: "CryptoPaySandbox", targets: ["CryptoPaySandbox"]),
        .library(name: "CryptoPaySandboxServer", targets: ["CryptoPaySandboxServer"]),
        .library(name: "CryptoPayTesting", targets: ["CryptoPayTesting"]),
        .executable(name: "cryptopay", targets: ["cryptopay"]),
        .executable(name: "cryptopay-benchmarks", targets: ["CryptoPayBenchmarks"]),
    ],
    targets: [
        .target(name: "CryptoPayCore"),
        .target(name: "UseGateway", dependencies: ["CryptoPayCore"]),
        .target(
            name: "CryptoPay",
            dependencies: ["CryptoPayCore", "UseGateway"] + providers.map { .target(name: $0) }
        ),
        .target(name: "CryptoPaySandbox", dependencies: ["CryptoPayCore"]),
        .target(name: "CryptoPaySandboxServer", dependencies: ["CryptoPayCore", "CryptoPaySandbox"]),
        .target(
            name: "CryptoPayTesting", dependencies: ["CryptoPayCore", "CryptoPaySandbox", "CryptoPaySandboxServer"]),
        .executableTarget(
            name: "cryptopay", dependencies: ["CryptoPay", "CryptoPaySandbox", "CryptoPaySandboxServer"]),
        .executableTarget(
            name: "CryptoPayBenchmarks",
            dependencies: [
                "CryptoPayCore", "UseGateway", "CryptoPaySandbox", "CryptoPaySandboxServer", "CryptoPayTesting",
            ] + providers.map { .target(name: $0) },
            path: "Benchmarks"
        ),
        // What the test targets share (exact decimals, dates, the PaymentError a call throws); never a product.
        .target(name: "TestKit", dependencies: ["CryptoPayCore"], path: "Tests/TestKit"),
        .testTarget(name: "CryptoPayCoreTests", dependencies: ["CryptoPayCore", "CryptoPayTesting", "TestKit"]),
        .testTarget(name: "UseGatewayTests", dependencies: ["UseGateway", "CryptoPayTesting", "TestKit"]),
        .testTarget(
            name: "CryptoPayTests",
            dependencies: [
                "CryptoPay", "CryptoPaySandbox", "CryptoPaySandboxServer", "CryptoPayTesting", "TestKit", "cryptopay",
            ]
        ),
        .testTarget(
            name: "SandboxServerTests",
            dependencies: ["CryptoPay", "CryptoPaySandboxServer", "CryptoPayTesting", "TestKit"]),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["CryptoPayTesting", "TestKit", "UseGateway"] + providers.map { .target(name: $0) }
        ),
    ]
        + providers.flatMap { name -> [Target] in
            [
                .target(name: name, dependencies: ["CryptoPayCore"]),
                .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "CryptoPayTesting", "TestKit"]),
            ]
        },
    swiftLanguageModes: [.v6]
)
