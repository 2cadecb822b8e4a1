// swift-tools-version:6.0
import PackageDescription

let package = Package(
    // Linux only (README): the store and the terminal code use glibc's calls and stat layout.
    name: "omnigap",
    products: [
        .executable(name: "omnigap", targets: ["omnigap"]),
        .library(name: "Questionnaire", targets: ["Questionnaire"]),
        .library(name: "SessionStore", targets: ["SessionStore"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "GapReport", targets: ["GapReport"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "Workshop", targets: ["Workshop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh.git", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        /// Small helpers with no subject of their own that the other targets share: text made
        /// safe and measured for terminals (sanitising, display width, wrapping), JSON text,
        /// timestamps, SHA-256, a seeded random generator, and a checked parallel map. No I/O
        /// beyond the clock.
        .target(name: "Basics"),
        /// The questionnaire model, the YAML loader with file:line diagnostics, skip logic,
        /// answer validation and localisation. No terminal, no session files.
        .target(
            name: "Questionnaire",
            dependencies: ["Basics", .product(name: "Yams", package: "Yams")]
        ),
        /// What a session holds, as values with no I/O: participants and their answers, the
        /// facilitator's state and goals, the agenda and its rules, ids, and the errors the store
        /// reports. The screens use these without linking the store.
        .target(
            name: "SessionModel",
            dependencies: ["Basics", "Questionnaire"]
        ),
        /// The session folder: settings, frozen modules, one file per participant with atomic
        /// saves, incremental loading, merge, export and simulated participants.
        .target(
            name: "SessionStore",
            dependencies: ["Basics", "Questionnaire", "SessionModel"]
        ),
        /// The scoring methodology: consolidates answers into gaps, disagreements and perception
        /// gaps. Pure: no files, no terminal.
        .target(
            name: "Scoring",
            dependencies: ["Basics", "Questionnaire"]
        ),
        /// The gap report's renderers: a report document in, text out. Pure.
        .target(
            name: "GapReport",
            dependencies: ["Basics", "Questionnaire", "Scoring"]
        ),
        /// Screens as state, update and render into a cell buffer. Never touches the terminal.
        .target(
            name: "TerminalUI",
            dependencies: ["Basics", "Questionnaire", "SessionModel", "Scoring", "GapReport"]
        ),
        /// The runtimes: the participant and facilitator loops over any `Terminal`, the effects
        /// they carry out, and the workshop's reports built from the session. No ncurses, no
        /// command line: tests run both runtimes in-process on a scripted terminal.
        .target(
            name: "Workshop",
            dependencies: ["Basics", "Questionnaire", "SessionModel", "SessionStore", "Scoring", "GapReport", "TerminalUI"]
        ),
        /// ncursesw, as a system library with a shim for what Swift cannot import.
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses"
        ),
        /// The one place that calls ncurses: copies a cell buffer to the screen, reads keys and
        /// resizes, and always gives the terminal back.
        .target(
            name: "NcursesTerminal",
            dependencies: ["CNcurses", "TerminalUI"]
        ),
        /// The few glibc calls Swift cannot make: starting a child on a new pseudo-terminal that
        /// becomes its controlling terminal (POSIX_SPAWN_SETSID), resizing it, pidfd, reaping.
        .target(name: "CPty"),
        /// The SSH server: participants join from their own laptops with `ssh`, each connection
        /// getting its own `omnigap join` process on a pseudo-terminal. The workshop code, the
        /// host key kept in the session folder, and refusing everything but the screens.
        .target(
            name: "Serve",
            dependencies: [
                "Basics", "Questionnaire", "SessionModel", "SessionStore", "CPty",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// The command line: parses arguments and wires the libraries together.
        .executableTarget(
            name: "omnigap",
            dependencies: [
                "Basics",
                "Questionnaire",
                "SessionModel",
                "SessionStore",
                "Scoring",
                "GapReport",
                "TerminalUI",
                "Workshop",
                "NcursesTerminal",
                "Serve",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Benchmarks of the session store; scripts/bench-store.sh runs them on a release build.
        .executableTarget(
            name: "omnigap-bench",
            dependencies: ["Basics", "SessionModel", "SessionStore", "Questionnaire", "TerminalUI"]
        ),
        /// Helpers the test targets share: text snapshots kept as files, the glossary, and the
        /// hand-computed sessions the comparison is checked on.
        .target(
            name: "TestSupport",
            dependencies: ["Questionnaire", "Scoring"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "QuestionnaireTests",
            dependencies: ["Basics", "Questionnaire", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "GapReportTests",
            dependencies: ["Basics", "GapReport", "Scoring", "Questionnaire", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["Basics", "TerminalUI", "Questionnaire", "SessionModel", "Scoring", "GapReport", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "WorkshopTests",
            dependencies: ["Basics", "Workshop", "TerminalUI", "SessionModel", "SessionStore", "GapReport", "Questionnaire"]
        ),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["Basics", "Scoring", "Questionnaire", "TestSupport"]
        ),
        .testTarget(
            name: "ServeTests",
            dependencies: [
                "Basics", "Serve", "SessionStore", "SessionModel",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SessionStoreTests",
            dependencies: ["Basics", "SessionModel", "SessionStore", "Questionnaire"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
