import ArgumentParser
import Basics
import Foundation
import Questionnaire
import SessionModel
import SessionStore

/// The session folder argument that most commands take first.
struct SessionArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The session folder.", valueName: "dir"))
    var directory: String

    /// Opens the session, or fails with one line saying why.
    func open() throws -> Session {
        try Self.open(directory)
    }

    static func open(_ directory: String) throws -> Session {
        do {
            return try Session.open(directory)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

extension SessionError {
    /// The error as a command failure: one line on stderr, exit status 1.
    var failure: CommandFailure { CommandFailure(description) }
}

/// Runs a store operation, turning its typed error into a command failure.
func storeOperation<T>(_ body: () throws(SessionError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw error.failure
    }
}

/// Text from participants or files, made safe for the terminal and cut to `width` characters.
func displayText(_ text: String, width: Int) -> String {
    let visible = Sanitized.visible(text)
    return visible.count <= width ? visible : String(visible.prefix(width - 1)) + "…"
}
