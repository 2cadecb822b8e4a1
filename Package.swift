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
    ],
    targets: [
        /// The questionnaire model, the YAML loader with file:line diagnostics, skip logic,
        /// answer validation and localisation. No terminal, no session files.
        .target(
            name: "Questionnaire",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        /// The session folder: settings, frozen modules, one file per participant with atomic
        /// saves, incremental loading, merge, export and simulated participants.
        .target(
            name: "SessionStore",
            dependencies: ["Questionnaire"]
        ),
        /// The scoring methodology: consolidates answers into gaps, disagreements and perception
        /// gaps. Pure: no files, no terminal.
        .target(
            name: "Scoring",
            dependencies: ["Questionnaire"]
        ),
        /// The gap report's renderers: a report document in, text out. Pure.
        .target(
            name: "GapReport",
            dependencies: ["Questionnaire", "Scoring"]
        ),
        /// Screens as state, update and render into a cell buffer. Never touches the terminal.
        .target(
            name: "TerminalUI",
            dependencies: ["Questionnaire", "SessionStore", "Scoring", "GapReport"]
        ),
        /// The runtimes: the participant and facilitator loops over any `Terminal`, the effects
        /// they carry out, and the workshop's reports built from the session. No ncurses, no
        /// command line: tests run both runtimes in-process on a scripted terminal.
        .target(
            name: "Workshop",
            dependencies: ["Questionnaire", "SessionStore", "Scoring", "GapReport", "TerminalUI"]
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
        /// The command line: parses arguments and wires the libraries together.
        .executableTarget(
            name: "omnigap",
            dependencies: [
                "Questionnaire",
                "SessionStore",
                "Scoring",
                "GapReport",
                "TerminalUI",
                "Workshop",
                "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Benchmarks of the session store; scripts/bench-store.sh runs them on a release build.
        .executableTarget(
            name: "omnigap-bench",
            dependencies: ["SessionStore", "Questionnaire", "TerminalUI"]
        ),
        /// Helpers the test targets share: text snapshots kept as files.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "QuestionnaireTests",
            dependencies: ["Questionnaire", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "GapReportTests",
            dependencies: ["GapReport", "Scoring", "Questionnaire", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: ["TerminalUI", "Questionnaire", "SessionStore", "TestSupport"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "WorkshopTests",
            dependencies: ["Workshop", "TerminalUI", "SessionStore", "GapReport", "Questionnaire"]
        ),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["Scoring", "Questionnaire"]
        ),
        .testTarget(
            name: "SessionStoreTests",
            dependencies: ["SessionStore", "Questionnaire"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
