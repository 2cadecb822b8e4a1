import ArgumentParser

/// The `omnigap` command: the root that every subcommand hangs from.
@main
struct Omnigap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omnigap",
        abstract: "Run an omnichannel goal-setting workshop in the terminal.",
        discussion: """
            E-commerce, IT, customer-service and logistics people rate where their company stands \
            and where it must get to, on a four-stage maturity scale; omnigap consolidates the \
            answers into gaps, disagreements and goals.
            """,
        version: OmnigapVersion.current,
        subcommands: [DemoCommand.self, NewCommand.self, JoinCommand.self, FacilitateCommand.self, StatusCommand.self, RecordCommand.self, SimulateCommand.self,
                      ExportCommand.self, MergeCommand.self, RemoveCommand.self, ReportCommand.self, CompareCommand.self, ServeCommand.self, ResumeCodeCommand.self, ModulesCommand.self]
    )
}

/// The version printed by `omnigap --version`.
enum OmnigapVersion {
    static let current = "0.1.0"
}
