import Questionnaire
import SessionModel

/// What went wrong in the session store, said in the screen's language. The store's own
/// messages are English lines for the command line; on a screen the sentence around them is the
/// screen's, and only the technical detail (a path, the system's reason) stays as it came.
public struct ProblemStrings: InterfaceWords {
    /// A file could not be written or read: {detail}.
    public var couldNotSave: String
    /// A session file is damaged: {detail}.
    public var damaged: String
    /// Another console moved the workshop on first.
    public var movedOn: String
    /// The store refused the change: {detail}.
    public var notDone: String

    /// `error` as one line for a screen in this language.
    public func describe(_ error: SessionError) -> String {
        switch error {
        case .outdated: movedOn
        case .io: Self.fill(couldNotSave, ["detail": error.description])
        case .damaged, .notASession: Self.fill(damaged, ["detail": error.description])
        case .invalidArgument, .alreadyASession, .refused: Self.fill(notDone, ["detail": error.description])
        }
    }

    /// `error` as one line, for errors that may or may not come from the store.
    public func describe(_ error: any Error) -> String {
        (error as? SessionError).map(describe) ?? Self.fill(notDone, ["detail": String(describing: error)])
    }
}

extension ProblemStrings {
    public static let english = ProblemStrings(
        couldNotSave: "Could not save ({detail}). Nothing was lost; try again.",
        damaged: "A session file is damaged and was left as it is ({detail}).",
        movedOn: "Another console has already moved the workshop on; nothing was changed.",
        notDone: "Not done: {detail}")

    public static let polish = ProblemStrings(
        couldNotSave: "Nie udało się zapisać ({detail}). Nic nie zginęło; można spróbować ponownie.",
        damaged: "Plik sesji jest uszkodzony i pozostawiono go bez zmian ({detail}).",
        movedOn: "Inna konsola już przeszła do kolejnego etapu warsztatu; niczego nie zmieniono.",
        notDone: "Nie wykonano: {detail}")

    public static let swedish = ProblemStrings(
        couldNotSave: "Det gick inte att spara ({detail}). Inget gick förlorat; försök igen.",
        damaged: "En fil i sessionen är skadad och lämnades orörd ({detail}).",
        movedOn: "En annan konsol har redan flyttat workshoppen vidare; inget ändrades.",
        notDone: "Inte utfört: {detail}")

    public static let italian = ProblemStrings(
        couldNotSave: "Salvataggio non riuscito ({detail}). Non si è perso nulla; riprovi.",
        damaged: "Un file della sessione è danneggiato ed è stato lasciato com'è ({detail}).",
        movedOn: "Un'altra console ha già fatto avanzare il workshop; non è cambiato nulla.",
        notDone: "Operazione non eseguita: {detail}")
}
