// swift-tools-version: 6.1
import PackageDescription

// The coaching modules under Plugins/ (in this package that folder holds
// coaching modules, not SwiftPM package plugins). `scripts/new-module NAME`
// adds a line here; a test checks this list against Plugins/ and the
// generated module list.
let coachingModules: [String] = [
    // coaching-modules:begin
    "Foundations",
    "Daily",
    "Men",
    "Women",
    "LongDistance",
    "Trust",
    "Play",
    "Repair",
    "Dreams",
    "Support",
    "Questions",
    // coaching-modules:end
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let cryptoExtras = Target.Dependency.product(name: "CryptoExtras", package: "swift-crypto")
let moduleDependencies = coachingModules.map { Target.Dependency(stringLiteral: $0) }

let package = Package(
    name: "Tandem",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        .library(name: "TandemKit", targets: ["TandemKit"]),
        // libFuzzer entry over the routine language (scripts/fuzz links it).
        .library(name: "RoutineFuzz", type: .static, targets: ["RoutineFuzz"]),
        // libFuzzer entry over `tandem import`'s reading of JSON and CSV exports.
        .library(name: "ImportFuzz", type: .static, targets: ["ImportFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Builds TandemKit's DocC catalog (scripts/docs).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The shared folder's encryption: ChaCha20-Poly1305, AES-GCM, scrypt.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // The module authors' API: the only thing a coaching module imports.
        .target(name: "TandemKit", dependencies: [argumentParser]),
        // The process's surroundings that modules never see: the terminal
        // (colour, width), standard input, private folders.
        .target(name: "TandemSystem", dependencies: ["TandemKit"]),
        // The module catalogue: the registry that validates and indexes
        // modules, and rendering of their content.
        .target(name: "TandemCatalog", dependencies: ["TandemKit"]),
        // The compile-time list of coaching modules (generated).
        .target(name: "TandemModules", dependencies: ["TandemKit"] + moduleDependencies),
        // The journal: habits, check-ins, notes, promises in embedded SQLite.
        .target(name: "TandemJournal", dependencies: ["TandemKit", "TandemSystem", grdb]),
        // The couple's shared folder: pairing codes, the couple key, sealed
        // append-only logs per device, and reading them back.
        .target(name: "TandemTogether", dependencies: ["TandemKit", crypto, cryptoExtras]),
        // The routine language: lexer, parser, resolver, checker, interpreter.
        .target(
            name: "TandemRoutine", dependencies: ["TandemKit", "TandemCatalog"],
            // The interpreter's hot paths touch class fields; dynamic exclusivity checks cost ~10%.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // The host every front end shares: the environment, the clock, the
        // journal, module records and contexts, the routine host, and the
        // one mapping from errors to messages and exit codes.
        .target(
            name: "TandemRuntime",
            dependencies: ["TandemKit", "TandemSystem", "TandemCatalog", "TandemJournal", "TandemRoutine", "TandemTogether", argumentParser]),
        .target(name: "RoutineFuzz", dependencies: ["TandemRoutine", "TandemCatalog", "TandemModules"]),
        .target(name: "ImportFuzz", dependencies: ["TandemJournal", "TandemKit"]),
        // libedit, and fixed-arity C wrappers for its variadic functions.
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(name: "CLineEditor", dependencies: ["CLibEdit"]),
        // The interactive session, a front end over the runtime.
        .target(
            name: "TandemREPL",
            dependencies: ["TandemKit", "TandemSystem", "TandemCatalog", "TandemRoutine", "TandemRuntime", "CLineEditor", argumentParser]),
        // The command-line front end: one file per subcommand over the runtime.
        .executableTarget(
            name: "tandem",
            dependencies: [
                "TandemKit", "TandemSystem", "TandemCatalog", "TandemModules", "TandemJournal", "TandemRoutine",
                "TandemRuntime", "TandemREPL", argumentParser,
            ],
            // Linked by lld with packed relative relocations (DT_RELR, glibc
            // 2.36): the dynamic loader fixes up the binary's hundred thousand
            // pointers from a 20 KB table instead of a 2.4 MB one, and every
            // `tandem` (a prompt, a reminder) starts about a millisecond
            // sooner, still position-independent. lld ships with Swift.
            linkerSettings: [
                .unsafeFlags(
                    ["-Xclang-linker", "-fuse-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                    .when(platforms: [.linux])),
            ]),
        // Test and benchmark helpers (journal-stress, journal-generate): never
        // in the product; scripts/bench-journal and the fault tests run them.
        .executableTarget(
            name: "tandem-bench-tools",
            dependencies: ["TandemKit", "TandemCatalog", "TandemJournal", "TandemRuntime", argumentParser],
            path: "bench/tools"),

        .testTarget(name: "TandemKitTests", dependencies: ["TandemKit"]),
        .testTarget(name: "TandemCatalogTests", dependencies: ["TandemCatalog", "TandemModules", "TandemKit"]),
        .testTarget(name: "ModuleTests", dependencies: ["TandemKit"] + moduleDependencies),
        .testTarget(name: "TandemJournalTests", dependencies: ["TandemJournal", "TandemKit", grdb]),
        .testTarget(name: "TandemRoutineTests", dependencies: ["TandemRoutine", "TandemRuntime", "TandemCatalog", "TandemModules", "TandemKit"]),
        .testTarget(name: "TandemREPLTests", dependencies: ["TandemREPL", "TandemRuntime", "TandemRoutine", "TandemCatalog", "TandemModules", "TandemKit"]),
        .testTarget(
            name: "TandemRuntimeTests",
            dependencies: ["TandemRuntime", "TandemJournal", "TandemRoutine", "TandemCatalog", "TandemModules", "TandemSystem", "TandemKit"]),
        .testTarget(name: "TandemSystemTests", dependencies: ["TandemSystem", "TandemKit"]),
        .testTarget(name: "TandemTogetherTests", dependencies: ["TandemTogether", "TandemKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TandemKit"], exclude: ["Snapshots"]),
    ]
        + coachingModules.map { .target(name: $0, dependencies: ["TandemKit"], path: "Plugins/\($0)") }
)
