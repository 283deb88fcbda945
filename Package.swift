// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The release executables are linked as position-dependent: a PIE of this size carries 88,000
// relocations that the loader applies, page by page, in every `lanyard` process before main.
let executableLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Lanyard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lanyard", targets: ["lanyard"]),
        .executable(name: "lanyard-server", targets: ["lanyard-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: - The C boundary (libcurl)
        // The header of the system's libcurl; CCurlShim loads the library on first use (dlopen),
        // so that commands which send no mail do not load it and the libraries it needs.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"], linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),

        // Typed wrappers over SQLite's variadic configuration calls (GRDB links the library).
        .target(name: "CSQLiteShim"),

        // MARK: - Store and modules
        .target(
            name: "LanyardStore",
            dependencies: [
                "CSQLiteShim",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardFormats",
            dependencies: [.product(name: "SwiftCSV", package: "SwiftCSV")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardEvents",
            dependencies: ["LanyardStore", "LanyardFormats"],
            resources: [.copy("Resources/nicknames.csv"), .copy("Resources/nicknames-LICENSE")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardNotes",
            dependencies: ["LanyardStore", "LanyardEvents"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardMail",
            dependencies: ["CCurl", "CCurlShim", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardFollowUp",
            dependencies: [
                "LanyardStore", "LanyardMail",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardBriefing",
            dependencies: ["LanyardStore", "LanyardEvents"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardInterchange",
            dependencies: ["LanyardStore", "LanyardFormats", "LanyardEvents", "LanyardNotes"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Faces
        .target(
            name: "LanyardServer",
            dependencies: [
                "LanyardStore", "LanyardEvents", "LanyardNotes", "LanyardFollowUp",
                "LanyardBriefing", "LanyardInterchange",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LanyardCLI",
            dependencies: [
                "LanyardStore", "LanyardEvents", "LanyardNotes", "LanyardFollowUp",
                "LanyardBriefing", "LanyardInterchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "lanyard", dependencies: ["LanyardCLI"], swiftSettings: swiftSettings, linkerSettings: executableLinkerSettings),
        // `lanyard serve` execs this one: only it links Hummingbird, NIO and swift-crypto.
        .executableTarget(
            name: "lanyard-server",
            dependencies: [
                "LanyardCLI", "LanyardServer", "LanyardStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: executableLinkerSettings
        ),
        .executableTarget(
            name: "lanyard-bench",
            dependencies: [
                "LanyardEvents", "LanyardNotes", "LanyardStore", "LanyardFormats", "LanyardBriefing", "LanyardInterchange",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/LanyardBench",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "lanyard-search-bench",
            dependencies: ["LanyardStore", "LanyardNotes", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/SearchBench",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tests
        .testTarget(name: "LanyardStoreTests", dependencies: ["LanyardStore", "LanyardTestSupport", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swiftSettings),
        .testTarget(
            name: "LanyardFormatsTests", dependencies: ["LanyardFormats"],
            resources: [.copy("Fixtures")], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LanyardEventsTests",
            dependencies: ["LanyardEvents", "LanyardStore", "LanyardFormats", "LanyardTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LanyardNotesTests", dependencies: ["LanyardNotes", "LanyardEvents", "LanyardTestSupport"], swiftSettings: swiftSettings),
        .target(name: "LanyardTestSupport", path: "Tests/LanyardTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "LanyardMailTests", dependencies: ["LanyardMail", "LanyardTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LanyardFollowUpTests", dependencies: ["LanyardFollowUp", "LanyardEvents", "LanyardTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LanyardBriefingTests", dependencies: ["LanyardBriefing"], swiftSettings: swiftSettings),
        .testTarget(name: "LanyardInterchangeTests", dependencies: ["LanyardInterchange"], swiftSettings: swiftSettings),
        .testTarget(
            name: "LanyardServerTests",
            dependencies: [
                "LanyardServer", "LanyardEvents", "LanyardNotes", "LanyardFollowUp", "LanyardBriefing", "LanyardStore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "LanyardCLITests", dependencies: ["LanyardCLI", "LanyardServer", "LanyardTestSupport"], swiftSettings: swiftSettings),
    ]
)
